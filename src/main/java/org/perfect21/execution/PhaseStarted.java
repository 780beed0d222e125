package org.perfect21.execution;

import java.time.Instant;
import java.util.List;

/**
 * A phase of a run has started: its row is written, its agents are about to run.
 *
 * @param iteration 1, or the iteration of the gate's repeat that runs the phase again
 * @param agents the phase's agent names, in order (their index is their position)
 */
public record PhaseStarted(String runId, int phaseIndex, int iteration, String phase, List<String> agents, Instant at) {
}
