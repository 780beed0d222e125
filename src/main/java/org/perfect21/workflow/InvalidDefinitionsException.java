package org.perfect21.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** Definitions that cannot be used, with every problem found (never just the first). */
public class InvalidDefinitionsException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public InvalidDefinitionsException(List<DefinitionProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in definitions:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
