package org.perfect21.workflow;

import java.time.Duration;
import java.util.List;

/**
 * One phase of a workflow: agents that run in parallel, then a gate.
 *
 * @param name        unique within the workflow
 * @param agents      the agents, in the order written; empty for an auto phase until a run's plan chooses them
 * @param parallelism most agents of this phase running at once
 * @param timeout     deadline for the whole phase, or null
 * @param minSuccess  how many must succeed for the run to go on
 * @param gate        what else must hold, and what a failed gate does; {@link GateDefinition#NONE} for none
 * @param auto        how the phase chooses its agents ({@code agents: {auto: ...}}), or null when it lists them
 * @param parallelismWritten whether the workflow gave {@code parallelism}; if not, all of a phase's agents (a
 *                    forEach's instances included) may run at once
 */
public record PhaseDefinition(String name, List<PreparedAgent> agents, int parallelism, Duration timeout,
                              MinSuccess minSuccess, GateDefinition gate, AutoSelection auto, boolean parallelismWritten) {

    public PhaseDefinition(String name, List<PreparedAgent> agents, int parallelism, Duration timeout, MinSuccess minSuccess,
                           GateDefinition gate, AutoSelection auto) {
        this(name, agents, parallelism, timeout, minSuccess, gate, auto, true);
    }

    public PhaseDefinition(String name, List<PreparedAgent> agents, int parallelism, Duration timeout, MinSuccess minSuccess,
                           GateDefinition gate) {
        this(name, agents, parallelism, timeout, minSuccess, gate, null);
    }

    /** The most of {@code agents} agents (the phase's, or its forEach's instances) that run at once. */
    public int parallelismFor(int agents) {
        return parallelismWritten ? parallelism : Math.max(1, agents);
    }

    public PhaseDefinition(String name, List<PreparedAgent> agents, int parallelism, Duration timeout, MinSuccess minSuccess) {
        this(name, agents, parallelism, timeout, minSuccess, GateDefinition.NONE);
    }

    public int requiredSuccesses() {
        return minSuccess.requiredOf(agents.size());
    }

    public boolean isAuto() {
        return auto != null;
    }

    /** This phase with the agents a run chose for it: a phase that lists them, as the engine runs it. */
    public PhaseDefinition withAgents(List<PreparedAgent> chosen) {
        return new PhaseDefinition(name, List.copyOf(chosen), parallelism, timeout, minSuccess, gate, null, parallelismWritten);
    }
}
