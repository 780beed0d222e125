package org.perfect21.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must hold when a phase's agents are done, beyond its {@code minSuccess}: agents that must have completed
 * ({@code require}) and checks over completed agents' outputs ({@code expect}); and what a failed gate does.
 *
 * @param onFail {@code stop} (the run fails, naming the gate: the default), {@code continue} (the run goes on, the
 *               failed gate recorded) or {@code repeat} (an earlier phase and every phase after it run again)
 * @param repeat what runs again when {@code onFail} is {@code repeat}; null otherwise
 */
public record GateDefinition(List<String> require, List<GateCheck> expect, OnFail onFail, Repeat repeat) {

    public static final GateDefinition NONE = new GateDefinition(List.of(), List.of(), OnFail.STOP);

    public GateDefinition(List<String> require, List<GateCheck> expect, OnFail onFail) {
        this(require, expect, onFail, null);
    }

    public GateDefinition {
        if ((onFail == OnFail.REPEAT) != (repeat != null)) {
            throw new IllegalArgumentException("a repeat is given exactly when onFail is REPEAT");
        }
    }

    public enum OnFail {
        STOP, CONTINUE, REPEAT
    }

    /**
     * A failed gate sends the work back: phase {@code phaseIndex} ({@code phase}) and every phase after it, up to the
     * gate's own, run again, at most {@code times} times over the run.
     */
    public record Repeat(String phase, int phaseIndex, int times) {
    }

    /** Whether the phase has no gate beyond {@code minSuccess}, failing the run when it is not met. */
    public boolean isNone() {
        return require.isEmpty() && expect.isEmpty() && onFail == OnFail.STOP;
    }

    /**
     * The verdict over the phase's results.
     *
     * @param minSuccess the phase's {@code minSuccess} check, already decided
     * @param outputs    the output of each agent that completed, by name; an agent absent did not
     */
    public GateResult evaluate(GateResult.Check minSuccess, Map<String, String> outputs) {
        return evaluate(minSuccess, outputs, Map.of());
    }

    /**
     * The verdict over the phase's results, where an agent with a {@code forEach} ran as several instances: a check
     * naming it holds when it holds for every instance (and for none, when there were no items).
     *
     * @param instances the names each agent ran under, by the agent's name; an agent absent ran under its own
     */
    public GateResult evaluate(GateResult.Check minSuccess, Map<String, String> outputs, Map<String, List<String>> instances) {
        List<GateResult.Check> checks = new ArrayList<>();
        checks.add(minSuccess);
        for (String agent : require) {
            List<String> names = instances.getOrDefault(agent, List.of(agent));
            String missing = names.stream().filter(n -> !outputs.containsKey(n)).findFirst().orElse(null);
            checks.add(new GateResult.Check(agent + " completed", missing == null, missing != null
                    ? (names.size() == 1 ? "it did not complete" : missing + " did not complete")
                    : names.isEmpty() ? "no items: nothing to complete" : "completed"));
        }
        for (GateCheck check : expect) {
            checks.add(expected(check, outputs, instances.getOrDefault(check.agent(), List.of(check.agent()))));
        }
        return new GateResult(checks.stream().allMatch(GateResult.Check::passed), List.copyOf(checks));
    }

    private static GateResult.Check expected(GateCheck check, Map<String, String> outputs, List<String> names) {
        if (names.isEmpty()) {
            return new GateResult.Check(check.describe(), true, "no items: nothing to check");
        }
        GateResult.Check last = null;
        for (String name : names) {
            String output = outputs.get(name);
            GateResult.Check one = output == null ? new GateResult.Check(check.describe(), false, name + " did not complete")
                    : check.evaluate(output);
            if (!one.passed()) {
                return names.size() == 1 ? one : new GateResult.Check(check.describe(), false, name + ": " + one.detail());
            }
            last = one;
        }
        return names.size() == 1 ? last : new GateResult.Check(check.describe(), true, "held for all " + names.size() + " items");
    }
}
