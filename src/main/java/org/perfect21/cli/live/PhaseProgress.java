package org.perfect21.cli.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.perfect21.history.PhaseStatus;

/** One phase of a run in one iteration, with its agents in order; changed only on the view's thread. */
final class PhaseProgress {

    private final String name;
    private final int index;
    private final int iteration;
    private final List<AgentProgress> agents = new ArrayList<>();
    private PhaseStatus status = PhaseStatus.RUNNING;
    private Instant startedAt;
    private Instant endedAt;

    PhaseProgress(String name, int index, int iteration) {
        this.name = name;
        this.index = index;
        this.iteration = iteration;
    }

    /** The phase starts (again, on a restart): agents it did not list before are added, the others wait again. */
    void started(List<String> names, Instant at) {
        for (int i = 0; i < names.size(); i++) {
            if (i < agents.size()) {
                agents.get(i).restarted();
            } else {
                agents.add(new AgentProgress(names.get(i)));
            }
        }
        status = PhaseStatus.RUNNING;
        startedAt = at;
        endedAt = null;
    }

    void finished(PhaseStatus status, Instant at) {
        this.status = status;
        this.endedAt = at;
    }

    /** The agent at {@code index}, or null when the phase never listed it (an event this view cannot place). */
    AgentProgress agent(int index) {
        return index >= 0 && index < agents.size() ? agents.get(index) : null;
    }

    Map<AgentState, Integer> counts() {
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentProgress agent : agents) {
            counts.merge(agent.state(), 1, Integer::sum);
        }
        return counts;
    }

    /** The phase's name as the run table shows it: review, or review#2 for a gate's repeat. */
    String label() {
        return iteration > 1 ? name + "#" + iteration : name;
    }

    int index() {
        return index;
    }

    int iteration() {
        return iteration;
    }

    List<AgentProgress> agents() {
        return agents;
    }

    PhaseStatus status() {
        return status;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }
}
