package org.perfect21.workflow;

import java.util.List;

/**
 * A gate's verdict on a phase: every check with whether it held and why.
 *
 * @param passed whether every check held
 */
public record GateResult(boolean passed, List<Check> checks) {

    /**
     * @param check  the check as written, e.g. {@code verdict matches PASS}, {@code verdict completed}
     * @param detail what was found: the match, the value, the agent's status, a bounded excerpt of its output
     */
    public record Check(String check, boolean passed, String detail) {
    }

    /** The first check that failed, as "check: detail"; null when the gate passed. */
    public String firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst().map(c -> c.check() + ": " + c.detail()).orElse(null);
    }
}
