package org.perfect21.history;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an agent of a phase stands. Only the final states are stored ({@code P21_AGENT_RESULT.STATUS});
 * {@link #PENDING} and {@link #RUNNING} are what a run document shows before a result exists.
 */
public enum AgentStatus {
    /** Not started yet (no result row). */
    PENDING,
    /** An attempt is in flight in the process running the run. */
    RUNNING,
    /** Succeeded, or served from the result cache. */
    COMPLETED,
    /** Every attempt failed, or the phase timed out. */
    FAILED,
    /** Cut short because the run was stopped. */
    STOPPED;

    private static final Map<AgentStatus, Set<AgentStatus>> NEXT = Map.of(
            // A cache hit completes an agent without an attempt.
            PENDING, EnumSet.of(RUNNING, COMPLETED, FAILED, STOPPED),
            RUNNING, EnumSet.of(COMPLETED, FAILED, STOPPED),
            // A completed agent is kept by a restart.
            COMPLETED, EnumSet.noneOf(AgentStatus.class),
            FAILED, EnumSet.of(RUNNING, COMPLETED, FAILED, STOPPED),
            STOPPED, EnumSet.of(RUNNING, COMPLETED, FAILED, STOPPED));

    public boolean canMoveTo(AgentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether a result row holds it. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
