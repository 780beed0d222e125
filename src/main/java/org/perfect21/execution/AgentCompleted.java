package org.perfect21.execution;

import java.time.Instant;

import org.perfect21.history.AgentStatus;

/**
 * An agent of a phase has reached its final state and its result is written: it completed (perhaps served from the
 * result cache), failed after its attempts, or was stopped.
 *
 * @param iteration 1, or the iteration of a gate's repeat that ran the phase again
 * @param cacheTier the result-cache tier that served it ({@code HOT}, {@code WARM}, {@code COLD}), {@code MISS} when a
 *                  cacheable agent ran, null when it is not cacheable
 */
public record AgentCompleted(String runId, int phaseIndex, int iteration, int agentIndex, String phase, String agent, String kind,
                             AgentStatus status, int attempts, Instant startedAt, Instant endedAt, long outputBytes,
                             String cacheTier, String error) {
}
