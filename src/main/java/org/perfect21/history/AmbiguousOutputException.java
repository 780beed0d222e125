package org.perfect21.history;

import java.util.List;

/** The agent ran in several phases of the run and no phase was named; each caller says how to name one. */
public class AmbiguousOutputException extends RuntimeException {

    private final List<String> phases;

    public AmbiguousOutputException(String agent, List<String> phases) {
        super("agent '" + agent + "' ran in phases " + String.join(", ", phases));
        this.phases = List.copyOf(phases);
    }

    public List<String> phases() {
        return phases;
    }
}
