package org.perfect21.execution;

import org.perfect21.history.RunStatus;

/**
 * How a run ended.
 *
 * @param runId  the run
 * @param status its final status: COMPLETED, FAILED or STOPPED
 */
public record RunOutcome(String runId, RunStatus status) {
}
