package org.perfect21.history;

import java.util.List;

/**
 * The rows written when a phase starts: the phase and one pending row per agent.
 *
 * @param agents agent names and kinds in phase order
 */
public record PhaseStart(String runId, int phaseIndex, String phase, int required, List<AgentRow> agents) {

    /** An agent of the phase. */
    public record AgentRow(String name, String kind) {
    }
}
