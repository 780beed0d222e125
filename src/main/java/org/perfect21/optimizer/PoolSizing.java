package org.perfect21.optimizer;

/**
 * How many agent threads the executor should have, from its utilization over the last window: below
 * 30 % it shrinks (×0.7, rounded down), above 80 % it grows (×1.3, rounded up, so even one thread
 * grows), otherwise it keeps its size; the result is always within the configured bounds and at
 * least 1. Run slots are not part of this arithmetic. A pure function: no clock, no Spring.
 */
final class PoolSizing {

    static final double SHRINK_BELOW = 0.30;
    static final double GROW_ABOVE = 0.80;
    static final double SHRINK_FACTOR = 0.7;
    static final double GROW_FACTOR = 1.3;

    private PoolSizing() {
    }

    /**
     * @param agentThreads    agent threads now
     * @param utilization     agent busy thread time / thread time available to agents over the window (may exceed 1
     *                        when agents also used idle run-slot threads)
     * @param minAgentThreads lower bound
     * @param maxAgentThreads upper bound
     */
    record Inputs(int agentThreads, double utilization, int minAgentThreads, int maxAgentThreads) {
    }

    /**
     * @param outcome {@code grow}, {@code shrink} or {@code keep}
     * @param from    agent threads before
     * @param to      agent threads after
     * @param reason  why, in words
     */
    record Outcome(String outcome, int from, int to, String reason) {
    }

    static Outcome decide(Inputs in) {
        int current = in.agentThreads();
        double u = in.utilization();
        int wanted;
        String why;
        if (u < SHRINK_BELOW) {
            wanted = (int) Math.floor(current * SHRINK_FACTOR);
            why = "utilization " + percent(u) + " below " + percent(SHRINK_BELOW);
        } else if (u > GROW_ABOVE) {
            wanted = (int) Math.ceil(current * GROW_FACTOR);
            why = "utilization " + percent(u) + " above " + percent(GROW_ABOVE);
        } else {
            wanted = current;
            why = "utilization " + percent(u) + " within " + percent(SHRINK_BELOW) + ".." + percent(GROW_ABOVE);
        }
        int min = Math.max(1, in.minAgentThreads());
        int max = Math.max(min, in.maxAgentThreads());
        int to = Math.min(max, Math.max(min, wanted));
        if (to != wanted) {
            why += "; bounded to " + min + ".." + max;
        }
        String outcome = to > current ? "grow" : to < current ? "shrink" : "keep";
        return new Outcome(outcome, current, to, why);
    }

    static String percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0 + " %";
    }
}
