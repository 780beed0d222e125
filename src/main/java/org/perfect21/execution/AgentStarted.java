package org.perfect21.execution;

import java.time.Instant;

/**
 * An attempt of an agent has started (published for each attempt, retries included).
 *
 * @param iteration 1, or the iteration of a gate's repeat that runs the phase again
 * @param attempt   the attempt's number across the run's executions, from 1
 */
public record AgentStarted(String runId, int phaseIndex, int iteration, int agentIndex, String phase, String agent, int attempt,
                           Instant at) {
}
