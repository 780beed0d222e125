package org.perfect21.history;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a run stands, as stored in {@code P21_RUN.STATUS} (the constant's name). The moves a run may make are
 * listed here and nowhere else; the statements that change a run's status take their conditions from them.
 */
public enum RunStatus {
    /** Waiting in the launch queue for a slot. */
    QUEUED,
    /** Claimed from the queue (or launched from the command line); its job is starting. */
    STARTING,
    /** Its job runs: the first phase has started. */
    RUNNING,
    /** Every phase passed its gate. */
    COMPLETED,
    /** A phase failed its gate, the job failed, or it could not start. */
    FAILED,
    /** Stopped on request or by a shutdown, before or while running. */
    STOPPED;

    private static final Map<RunStatus, Set<RunStatus>> NEXT = Map.of(
            QUEUED, EnumSet.of(STARTING, STOPPED),
            // The job ends before its first phase (a launch that failed); a dead process's run is queued again.
            STARTING, EnumSet.of(RUNNING, COMPLETED, FAILED, STOPPED, QUEUED),
            // A run left RUNNING by a dead process is queued again by the next server, or restarted by hand.
            RUNNING, EnumSet.of(COMPLETED, FAILED, STOPPED, QUEUED, RUNNING),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            // Restarted through the queue (QUEUED) or from the command line (RUNNING at once).
            FAILED, EnumSet.of(QUEUED, RUNNING),
            STOPPED, EnumSet.of(QUEUED, RUNNING));

    /** Whether a run in this status may move to {@code next}. */
    public boolean canMoveTo(RunStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Ended: completed, failed or stopped (a failed or stopped run may still be restarted). */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    /** The terminal statuses: what the retention purge may delete. */
    public static List<RunStatus> terminal() {
        return Arrays.stream(values()).filter(RunStatus::isTerminal).toList();
    }

    /** Waiting or executing: what a server takes over from a process that ended. */
    public static List<RunStatus> unfinished() {
        return List.of(QUEUED, STARTING, RUNNING);
    }

    /** The statuses of runs that can run again: ended, but not completed. */
    public static List<RunStatus> restartable() {
        return Arrays.stream(values()).filter(status -> status.isTerminal() && status.canMoveTo(QUEUED)).toList();
    }
}
