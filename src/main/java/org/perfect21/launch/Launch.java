package org.perfect21.launch;

import org.perfect21.history.RunStatus;

/**
 * What a launch through the queue answers at once.
 *
 * @param runId    the run
 * @param status   {@code QUEUED} or {@code STARTING} for a new launch; the current status for a repeat
 * @param repeated whether this repeats an earlier launch with the same idempotency key (nothing new started)
 */
public record Launch(String runId, RunStatus status, boolean repeated) {
}
