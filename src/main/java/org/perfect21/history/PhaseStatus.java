package org.perfect21.history;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a phase of a run stands, as stored in {@code P21_PHASE_RUN.STATUS}. */
public enum PhaseStatus {
    /** Its agents run. */
    RUNNING,
    /** It passed its gate. */
    COMPLETED,
    /** Its gate failed, or its step failed. */
    FAILED,
    /** The run was stopped while it ran. */
    STOPPED;

    private static final Map<PhaseStatus, Set<PhaseStatus>> NEXT = Map.of(
            RUNNING, EnumSet.of(COMPLETED, FAILED, STOPPED),
            // A completed phase is never run again: a restart resumes after it.
            COMPLETED, EnumSet.noneOf(PhaseStatus.class),
            FAILED, EnumSet.of(RUNNING),
            STOPPED, EnumSet.of(RUNNING));

    public boolean canMoveTo(PhaseStatus next) {
        return NEXT.get(this).contains(next);
    }
}
