package org.perfect21.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must hold when a phase's agents are done, beyond its {@code minSuccess}: agents that must have completed
 * ({@code require}) and checks over completed agents' outputs ({@code expect}); and what a failed gate does.
 *
 * @param onFail {@code stop} (the run fails, naming the gate: the default) or {@code continue} (the run goes on, the
 *               failed gate recorded)
 */
public record GateDefinition(List<String> require, List<GateCheck> expect, OnFail onFail) {

    public static final GateDefinition NONE = new GateDefinition(List.of(), List.of(), OnFail.STOP);

    public enum OnFail {
        STOP, CONTINUE
    }

    public boolean isNone() {
        return require.isEmpty() && expect.isEmpty();
    }

    /**
     * The verdict over the phase's results.
     *
     * @param minSuccess the phase's {@code minSuccess} check, already decided
     * @param outputs    the output of each agent that completed, by name; an agent absent did not
     */
    public GateResult evaluate(GateResult.Check minSuccess, Map<String, String> outputs) {
        List<GateResult.Check> checks = new ArrayList<>();
        checks.add(minSuccess);
        for (String agent : require) {
            checks.add(new GateResult.Check(agent + " completed", outputs.containsKey(agent),
                    outputs.containsKey(agent) ? "completed" : "it did not complete"));
        }
        for (GateCheck check : expect) {
            String output = outputs.get(check.agent());
            checks.add(output == null ? new GateResult.Check(check.describe(), false, check.agent() + " did not complete")
                    : check.evaluate(output));
        }
        return new GateResult(checks.stream().allMatch(GateResult.Check::passed), List.copyOf(checks));
    }
}
