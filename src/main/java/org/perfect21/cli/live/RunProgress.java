package org.perfect21.cli.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.RunFinished;
import org.perfect21.execution.RunStarted;
import org.perfect21.history.RunStatus;

/**
 * What the live view knows of one run, built from its events in order: phases per iteration in the order they
 * started, and their agents. The first run started binds it; events of other runs are left out. Only the view's
 * thread calls it.
 */
final class RunProgress {

    private record PhaseKey(int index, int iteration) {
    }

    private final Map<PhaseKey, PhaseProgress> phases = new LinkedHashMap<>();
    private String runId;
    private String workflow;
    private RunStatus status = RunStatus.STARTING;
    private Instant startedAt;
    private Instant endedAt;

    /** Applies an event of the run; returns whether it was one (others are left out). */
    boolean apply(Object event) {
        if (event instanceof RunStarted started && (runId == null || runId.equals(started.runId()))) {
            runId = started.runId();
            workflow = started.workflow();
            status = RunStatus.RUNNING;
            startedAt = started.at();
            endedAt = null;
            return true;
        }
        if (runId == null || !runId.equals(runIdOf(event))) {
            return false;
        }
        if (event instanceof PhaseStarted e) {
            phases.computeIfAbsent(new PhaseKey(e.phaseIndex(), e.iteration()),
                    k -> new PhaseProgress(e.phase(), e.phaseIndex(), e.iteration())).started(e.agents(), e.at());
        } else if (event instanceof AgentStarted e) {
            agent(e.phaseIndex(), e.iteration(), e.agentIndex()).started(e.attempt(), e.at());
        } else if (event instanceof AgentCompleted e) {
            agent(e.phaseIndex(), e.iteration(), e.agentIndex())
                    .ended(AgentState.of(e.status(), e.cacheTier()), e.attempts(), e.startedAt(), e.endedAt());
        } else if (event instanceof PhaseFinished e) {
            PhaseProgress phase = phases.get(new PhaseKey(e.phaseIndex(), e.iteration()));
            if (phase != null) {
                phase.finished(e.status(), e.at());
            }
        } else if (event instanceof RunFinished e) {
            status = e.status();
            endedAt = e.at();
        }
        return true;
    }

    /** The run an event is of, or null for anything that is not a run event. */
    static String runIdOf(Object event) {
        if (event instanceof RunStarted e) {
            return e.runId();
        }
        if (event instanceof PhaseStarted e) {
            return e.runId();
        }
        if (event instanceof AgentStarted e) {
            return e.runId();
        }
        if (event instanceof AgentCompleted e) {
            return e.runId();
        }
        if (event instanceof PhaseFinished e) {
            return e.runId();
        }
        return event instanceof RunFinished e ? e.runId() : null;
    }

    // An agent event of a phase this view never saw start (it cannot happen in order) lands on a throwaway.
    private AgentProgress agent(int phaseIndex, int iteration, int agentIndex) {
        PhaseProgress phase = phases.get(new PhaseKey(phaseIndex, iteration));
        AgentProgress agent = phase == null ? null : phase.agent(agentIndex);
        return agent == null ? new AgentProgress("?") : agent;
    }

    boolean anyRunning() {
        return status == RunStatus.RUNNING && phases.values().stream()
                .anyMatch(p -> p.agents().stream().anyMatch(a -> a.state() == AgentState.RUNNING));
    }

    List<PhaseProgress> phases() {
        return new ArrayList<>(phases.values());
    }

    String runId() {
        return runId;
    }

    String workflow() {
        return workflow;
    }

    RunStatus status() {
        return status;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }
}
