package org.perfect21.history;

import java.time.Instant;

import org.perfect21.usage.Usage;

/**
 * The final state of one agent of one phase of a run, as written to {@code P21_AGENT_RESULT}.
 *
 * @param recorded  whether a row exists already (an earlier execution of the run ran this agent)
 * @param attempts  attempts made in total, across restarts
 * @param output    the stored (bounded) copy of the output
 * @param truncated whether the stored output is shorter than what the agent produced
 * @param tokens    tokens the agent reported using, or null
 * @param usage     tokens and cost by kind, {@link Usage#UNKNOWN} where the agent reported none
 * @param model     the model that answered, or null
 * @param iteration 1, or the iteration of a gate's repeat that ran the agent's phase again
 * @param cacheTier the result-cache tier that served it ({@code HOT}, {@code WARM}, {@code COLD}), {@link #CACHE_MISS}
 *                  when a cacheable agent ran, null when the agent is not cacheable
 */
public record AgentResult(String runId, int phaseIndex, int agentIndex, String phase, String agent, String kind,
                          boolean recorded, AgentStatus status, int attempts, Instant startedAt, Instant endedAt,
                          long outputBytes, boolean truncated, String output, String error, Long tokens,
                          String cacheTier, Usage usage, String model, int iteration) {

    public static final String CACHE_MISS = "MISS";

    public AgentResult {
        usage = usage == null ? Usage.UNKNOWN : usage;
    }

    public AgentResult(String runId, int phaseIndex, int agentIndex, String phase, String agent, String kind,
                       boolean recorded, AgentStatus status, int attempts, Instant startedAt, Instant endedAt,
                       long outputBytes, boolean truncated, String output, String error, Long tokens,
                       String cacheTier, Usage usage, String model) {
        this(runId, phaseIndex, agentIndex, phase, agent, kind, recorded, status, attempts, startedAt, endedAt,
                outputBytes, truncated, output, error, tokens, cacheTier, usage, model, 1);
    }

    public AgentResult(String runId, int phaseIndex, int agentIndex, String phase, String agent, String kind,
                       boolean recorded, AgentStatus status, int attempts, Instant startedAt, Instant endedAt,
                       long outputBytes, boolean truncated, String output, String error, Long tokens, String cacheTier) {
        this(runId, phaseIndex, agentIndex, phase, agent, kind, recorded, status, attempts, startedAt, endedAt,
                outputBytes, truncated, output, error, tokens, cacheTier, Usage.UNKNOWN, null);
    }

    public AgentResult(String runId, int phaseIndex, int agentIndex, String phase, String agent, String kind,
                       boolean recorded, AgentStatus status, int attempts, Instant startedAt, Instant endedAt,
                       long outputBytes, boolean truncated, String output, String error) {
        this(runId, phaseIndex, agentIndex, phase, agent, kind, recorded, status, attempts, startedAt, endedAt,
                outputBytes, truncated, output, error, null, null);
    }

    /** Whether the result cache served it instead of running the agent. */
    public boolean cacheHit() {
        return cacheTier != null && !CACHE_MISS.equals(cacheTier);
    }

    public boolean succeeded() {
        return status == AgentStatus.COMPLETED;
    }
}
