package org.perfect21.execution.job;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfect21.workflow.GateCheck;
import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.GateResult;

/**
 * What a failed gate tells the phases it sends the work back to ({@code {{gate.feedback}}}): each check that failed
 * with what was found, then a bounded excerpt of the output of each agent those checks read.
 */
final class GateFeedback {

    /** The most of one agent's output quoted. */
    static final int EXCERPT = 2_000;
    /** The most the whole feedback holds: it goes into every instruction of the phases that run again. */
    static final int MAX = 8_000;

    private GateFeedback() {
    }

    static String of(String phase, int iteration, GateDefinition gate, GateResult verdict, Map<String, String> outputs) {
        StringBuilder text = new StringBuilder("The gate of phase '").append(phase).append("' failed in iteration ")
                .append(iteration).append(":\n");
        Set<String> agents = new LinkedHashSet<>();
        List<GateResult.Check> checks = verdict.checks();
        // The checks are in the gate's order: minSuccess, each required agent, each expected output.
        for (int i = 0; i < checks.size(); i++) {
            GateResult.Check check = checks.get(i);
            if (check.passed()) {
                continue;
            }
            text.append("- ").append(check.check()).append(": ").append(check.detail()).append('\n');
            int expectIndex = i - 1 - gate.require().size();
            if (i >= 1 && i <= gate.require().size()) {
                agents.add(gate.require().get(i - 1));
            } else if (expectIndex >= 0 && expectIndex < gate.expect().size()) {
                GateCheck expected = gate.expect().get(expectIndex);
                agents.add(expected.agent());
            }
        }
        for (String agent : agents) {
            String output = outputs.get(agent);
            if (output == null) {
                continue;
            }
            boolean cut = output.length() > EXCERPT;
            text.append("\nOutput of ").append(agent).append(cut ? " (first " + EXCERPT + " characters)" : "").append(":\n")
                    .append(cut ? output.substring(0, EXCERPT) : output).append('\n');
        }
        return text.length() <= MAX ? text.toString() : text.substring(0, MAX - 4) + "\n...";
    }
}
