package org.perfect21.workflow;

import java.util.List;

/** Launch parameters that do not fit the workflow: unknown, missing or of the wrong type; every one listed. */
public class InvalidParametersException extends RuntimeException {

    private final List<String> problems;

    public InvalidParametersException(String workflow, List<String> problems) {
        super("invalid parameters for workflow '" + workflow + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
