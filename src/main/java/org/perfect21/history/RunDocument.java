package org.perfect21.history;

import java.time.Instant;
import java.util.List;

/**
 * A run as the CLI's {@code --json} and the REST API show it. Later versions may add fields, never
 * remove or rename them.
 */
public record RunDocument(String runId, String workflow, RunStatus status, Instant startedAt, Instant endedAt,
                          Long durationMs, String error, List<Phase> phases, Context context) {

    /**
     * The run's context: what it holds now against its budget; null before its first phase started.
     *
     * @param evictions entries evicted to stay within the budget
     * @param cuts      outputs kept only as a head because one output may take at most a share of the budget
     */
    public record Context(long bytes, long tokens, long budgetBytes, long budgetTokens, int entries, int evictions,
                          int cuts, long peakBytes) {
    }

    /** One phase of the run. */
    public record Phase(String name, PhaseStatus status, Long durationMs, int succeeded, int failed, int required,
                        List<Agent> agents) {
    }

    /**
     * One agent of a phase.
     *
     * @param cacheHit  whether the result cache answered instead of the agent running
     * @param cacheTier the tier that answered ({@code HOT}, {@code WARM}, {@code COLD}), {@code MISS} when a cacheable
     *                  agent ran, null when it is not cacheable
     * @param tokens    tokens the agent reported using, or null
     */
    public record Agent(String agent, AgentStatus status, Instant startedAt, Instant endedAt, Long durationMs,
                        int attempts, long outputBytes, boolean outputTruncated, String error, boolean cacheHit,
                        String cacheTier, Long tokens) {

        public static Agent pending(String agent) {
            return new Agent(agent, AgentStatus.PENDING, null, null, null, 0, 0, false, null, false, null, null);
        }
    }
}
