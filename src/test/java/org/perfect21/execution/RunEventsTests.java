package org.perfect21.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** A run tells what happens to it, in order, as past-tense events; a listener that fails does not fail the run. */
class RunEventsTests extends EngineTestSupport {

    @Autowired
    ConfigurableApplicationContext context;

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof Record record
                && record.getClass().getPackageName().equals(RunStarted.class.getPackageName())) {
            events.add(record);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(recorder);
    }

    @Test
    void aRunTellsOfItsStartItsPhasesItsAgentsAndItsEndInThatOrder() {
        String runId = runner.execute(workflow("""
                name: told
                phases:
                  - name: first
                    agents: [{name: a, kind: probe}, {name: b, kind: probe}]
                  - name: second
                    agents: [{name: c, kind: probe}]
                """), Map.of()).runId();

        List<Object> mine = events.stream().filter(e -> runIdOf(e).equals(runId)).toList();
        assertThat(mine).extracting(e -> e.getClass().getSimpleName() + phaseOf(e)).containsExactly(
                "RunStarted", "PhaseStarted0", "AgentStarted0", "AgentStarted0", "AgentCompleted0", "AgentCompleted0",
                "PhaseFinished0", "PhaseStarted1", "AgentStarted1", "AgentCompleted1", "PhaseFinished1", "RunFinished");
        assertThat(mine.get(1)).isEqualTo(new PhaseStarted(runId, 0, 1, "first", List.of("a", "b"), ((PhaseStarted) mine.get(1)).at()));
        assertThat(mine).filteredOn(AgentCompleted.class::isInstance).map(AgentCompleted.class::cast)
                .allSatisfy(agent -> {
                    assertThat(agent.status()).isEqualTo(AgentStatus.COMPLETED);
                    assertThat(agent.attempts()).isEqualTo(1);
                    assertThat(agent.kind()).isEqualTo("probe");
                    assertThat(agent.endedAt()).isAfterOrEqualTo(agent.startedAt());
                })
                .extracting(AgentCompleted::agent).containsExactlyInAnyOrder("a", "b", "c");
        PhaseFinished first = (PhaseFinished) mine.get(6);
        assertThat(first.status()).isEqualTo(PhaseStatus.COMPLETED);
        assertThat(first.succeeded()).isEqualTo(2);
        RunFinished end = (RunFinished) mine.get(mine.size() - 1);
        assertThat(end.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(end.workflow()).isEqualTo("told");
        assertThat(end.duration()).isPositive();
        assertThat(end.error()).isNull();
    }

    @Test
    void aFailingListenerIsLoggedAndTheRunGoesOn() {
        ApplicationListener<PayloadApplicationEvent<AgentCompleted>> failing = event -> {
            throw new IllegalStateException("a listener that breaks");
        };
        context.addApplicationListener(failing);
        try {
            RunOutcome outcome = runner.execute(workflow("""
                    name: heard
                    phases:
                      - name: only
                        agents: [{name: h, kind: probe}]
                    """), Map.of());

            assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(events).filteredOn(e -> runIdOf(e).equals(outcome.runId())).last().isInstanceOf(RunFinished.class);
        } finally {
            context.removeApplicationListener(failing);
        }
    }

    private static String runIdOf(Object event) {
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
        return event instanceof RunFinished e ? e.runId() : "";
    }

    private static String phaseOf(Object event) {
        if (event instanceof PhaseStarted e) {
            return String.valueOf(e.phaseIndex());
        }
        if (event instanceof AgentStarted e) {
            return String.valueOf(e.phaseIndex());
        }
        if (event instanceof AgentCompleted e) {
            return String.valueOf(e.phaseIndex());
        }
        return event instanceof PhaseFinished e ? String.valueOf(e.phaseIndex()) : "";
    }
}
