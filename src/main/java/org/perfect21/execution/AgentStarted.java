package org.perfect21.execution;

import java.time.Instant;

/**
 * An attempt of an agent has started (published for each attempt, retries included).
 *
 * @param attempt the attempt's number across the run's executions, from 1
 */
public record AgentStarted(String runId, int phaseIndex, int agentIndex, String phase, String agent, int attempt,
                           Instant at) {
}
