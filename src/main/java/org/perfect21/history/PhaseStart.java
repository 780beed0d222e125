package org.perfect21.history;

import java.util.List;

/**
 * The row written when a phase starts.
 *
 * @param iteration        1, or the iteration of the gate's repeat that runs the phase again
 * @param agents           the phase's agent names in order
 * @param mayExist         whether the row may exist already (a restarted run)
 * @param firstOfExecution the job ids when this is the first phase of a job execution (the run starts running), else null
 */
public record PhaseStart(String runId, int phaseIndex, int iteration, String phase, int required, List<String> agents,
                         boolean mayExist, JobIds firstOfExecution) {

    /** The Spring Batch ids of a run's current execution. */
    public record JobIds(long jobInstanceId, long jobExecutionId) {
    }
}
