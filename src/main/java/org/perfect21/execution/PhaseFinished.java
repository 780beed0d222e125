package org.perfect21.execution;

import java.time.Instant;

import org.perfect21.history.PhaseStatus;

/**
 * A phase of a run has ended and its outcome is recorded (with its outputs in the run's context when it passed).
 *
 * @param iteration 1, or the iteration of the gate's repeat that ran the phase again
 * @param succeeded agents that completed, earlier executions' included
 * @param failed    agents that failed or were stopped in this execution
 */
public record PhaseFinished(String runId, int phaseIndex, int iteration, String phase, PhaseStatus status, int succeeded, int failed,
                            Instant at) {
}
