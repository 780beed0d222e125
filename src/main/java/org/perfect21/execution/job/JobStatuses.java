package org.perfect21.execution.job;

import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunStatus;
import org.springframework.batch.core.BatchStatus;

/** How Spring Batch's statuses of an ended job or step read as a run's or a phase's. */
public final class JobStatuses {

    private JobStatuses() {
    }

    /** A job that ended: completed, stopped, or (however else it ended) failed. */
    public static RunStatus ofRun(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> RunStatus.COMPLETED;
            case STOPPING, STOPPED -> RunStatus.STOPPED;
            default -> RunStatus.FAILED;
        };
    }

    /** A phase's manager step that ended, read the same way. */
    public static PhaseStatus ofPhase(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> PhaseStatus.COMPLETED;
            case STOPPING, STOPPED -> PhaseStatus.STOPPED;
            default -> PhaseStatus.FAILED;
        };
    }
}
