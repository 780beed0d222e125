package org.perfect21.execution;

import java.time.Instant;

/**
 * A run's job is starting in this process (a first execution or a restart). Published, like every run event,
 * synchronously on the thread that runs the run; listeners must return quickly and never block.
 *
 * @param restart whether an earlier execution of the run is taken up
 */
public record RunStarted(String runId, String workflow, boolean restart, Instant at) {
}
