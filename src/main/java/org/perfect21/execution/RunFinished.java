package org.perfect21.execution;

import java.time.Instant;

import org.perfect21.history.RunStatus;

/**
 * A run's job has ended in this process, and its outcome is recorded.
 *
 * @param status COMPLETED, FAILED or STOPPED
 * @param error  why it failed or stopped, or null
 */
public record RunFinished(String runId, String workflow, RunStatus status, Instant at, String error) {
}
