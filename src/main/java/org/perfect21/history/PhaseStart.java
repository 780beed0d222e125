package org.perfect21.history;

import java.util.List;

/**
 * The rows written when a phase starts: the phase and one pending row per agent.
 *
 * @param agents           agent names and kinds in phase order
 * @param mayExist         whether the rows may exist already (a restarted run)
 * @param firstOfExecution the job ids when this is the first phase of a job execution (the run starts running), else null
 */
public record PhaseStart(String runId, int phaseIndex, String phase, int required, List<AgentRow> agents,
                         boolean mayExist, JobIds firstOfExecution) {

    /** An agent of the phase. */
    public record AgentRow(String name, String kind) {
    }

    /** The Spring Batch ids of a run's current execution. */
    public record JobIds(long jobInstanceId, long jobExecutionId) {
    }
}
