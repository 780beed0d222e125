package org.perfect21.execution;

import java.time.Duration;
import java.time.Instant;

import org.perfect21.history.RunStatus;

/**
 * A run's job has ended in this process, and its outcome is recorded.
 *
 * @param status   COMPLETED, FAILED or STOPPED
 * @param duration how long its job ran in this execution; null when the job never started
 * @param error    why it failed or stopped, as the job reported it, or null
 */
public record RunFinished(String runId, String workflow, RunStatus status, Instant at, Duration duration, String error) {
}
