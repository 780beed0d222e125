package org.perfect21.cli.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.RunFinished;
import org.perfect21.execution.RunStarted;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;

/**
 * The run events that explain how a run's stored document moved from one read to the next, for {@code watch}, which
 * sees a run another process executes only through the database. Agents in flight there show only once they end
 * (the database holds results); a phase's start and end carry the time of the read that saw them.
 */
final class SnapshotEvents {

    private SnapshotEvents() {
    }

    /** The events between {@code before} (null: nothing seen yet) and {@code after}, in the order they happened. */
    static List<Object> between(RunDocument before, RunDocument after, Instant readAt) {
        List<Object> events = new ArrayList<>();
        if (before == null) {
            events.add(new RunStarted(after.runId(), after.workflow(), false, after.startedAt() == null ? readAt : after.startedAt()));
        }
        Map<String, RunDocument.Phase> seen = new HashMap<>();
        if (before != null) {
            before.phases().forEach(p -> seen.put(key(p), p));
        }
        for (RunDocument.Phase phase : after.phases()) {
            RunDocument.Phase earlier = seen.get(key(phase));
            if (earlier == null) {
                events.add(new PhaseStarted(after.runId(), phase.index(), phase.iteration(), phase.name(),
                        phase.agents().stream().map(RunDocument.Agent::agent).toList(), readAt));
            }
            events.addAll(agentEvents(after.runId(), phase, earlier, readAt));
            if (phase.status() != PhaseStatus.RUNNING && (earlier == null || earlier.status() == PhaseStatus.RUNNING)) {
                events.add(new PhaseFinished(after.runId(), phase.index(), phase.iteration(), phase.name(), phase.status(),
                        phase.succeeded(), phase.failed(), readAt));
            }
        }
        if (after.status().isTerminal() && (before == null || !before.status().isTerminal())) {
            events.add(new RunFinished(after.runId(), after.workflow(), after.status(), after.endedAt() == null ? readAt : after.endedAt(),
                    after.durationMs() == null ? null : Duration.ofMillis(after.durationMs()), after.error()));
        }
        return events;
    }

    private static List<Object> agentEvents(String runId, RunDocument.Phase phase, RunDocument.Phase earlier, Instant readAt) {
        List<Object> started = new ArrayList<>();
        List<AgentCompleted> ended = new ArrayList<>();
        for (int i = 0; i < phase.agents().size(); i++) {
            RunDocument.Agent agent = phase.agents().get(i);
            RunDocument.Agent was = earlier == null || i >= earlier.agents().size() ? null : earlier.agents().get(i);
            AgentStatus wasStatus = was == null ? AgentStatus.PENDING : was.status();
            boolean newAttempt = was == null || agent.attempts() != was.attempts();
            if (agent.status() == AgentStatus.RUNNING && (wasStatus != AgentStatus.RUNNING || newAttempt)) {
                started.add(new AgentStarted(runId, phase.index(), phase.iteration(), i, phase.name(), agent.agent(),
                        agent.attempts(), agent.startedAt() == null ? readAt : agent.startedAt()));
            }
            if (agent.status().isFinal() && (!wasStatus.isFinal() || newAttempt)) {
                ended.add(new AgentCompleted(runId, phase.index(), phase.iteration(), i, phase.name(), agent.agent(), null,
                        agent.status(), agent.attempts(), agent.startedAt(), agent.endedAt() == null ? readAt : agent.endedAt(),
                        agent.outputBytes(), agent.cacheTier(), agent.error()));
            }
        }
        ended.sort(Comparator.comparing(AgentCompleted::endedAt));
        List<Object> events = new ArrayList<>(started);
        events.addAll(ended);
        return events;
    }

    private static String key(RunDocument.Phase phase) {
        return phase.index() + "#" + phase.iteration();
    }
}
