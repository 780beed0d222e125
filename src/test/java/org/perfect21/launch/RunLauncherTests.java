package org.perfect21.launch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfect21.execution.RunNotRestartableException;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTest;
import org.perfect21.workflow.InvalidParametersException;
import org.perfect21.workflow.NoSuchWorkflowException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The launch queue: limit, order, capacity, idempotency, stop and restart through the queue. */
@EngineTest
@TestPropertySource(properties = {
        "perfect21.jobs-dir=src/test/jobs/launch",
        "perfect21.execution.max-concurrent-runs=2",
        "perfect21.execution.queue-capacity=3"})
class RunLauncherTests {

    @Autowired
    RunLauncher launcher;
    @Autowired
    WorkflowRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void idle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> launcher.executing() == 0 && launcher.queued() == 0);
    }

    @Test
    void launchesAboveTheLimitWaitQueuedAndStartInOrderAsSlotsFree() {
        // One slot frees after 400 ms and runs the queued ones one after the other; the other is taken until 1.2 s.
        Launch first = launcher.launch("slow", Map.of(), null, "api");
        Launch second = launcher.launch("slower", Map.of(), null, "api");
        Launch third = launcher.launch("quick", Map.of(), null, "api");
        Launch fourth = launcher.launch("quick", Map.of(), null, "api");

        assertThat(List.of(first.status(), second.status(), third.status(), fourth.status()))
                .containsExactly(RunStatus.STARTING, RunStatus.STARTING, RunStatus.QUEUED, RunStatus.QUEUED);
        List<RunDocument> runs = awaitEnded(first, second, third, fourth);
        assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(runs.get(2).startedAt()).as("a queued run starts only when a run ends").isAfterOrEqualTo(runs.get(0).endedAt());
        assertThat(runs.get(3).startedAt()).as("queued runs start in launch order").isAfterOrEqualTo(runs.get(2).endedAt());
        assertThat(runs.get(3).endedAt()).as("the third and fourth used the first slot").isBefore(runs.get(1).endedAt());
    }

    @Test
    void heldStartsQueueLaunchesUntilResumed() {
        launcher.holdStarts("test");
        Launch held;
        try {
            held = launcher.launch("quick", Map.of(), null, "api");
            assertThat(held.status()).isEqualTo(RunStatus.QUEUED);
            assertThat(launcher.executing()).isZero();
            assertThat(runner.document(held.runId()).status()).isEqualTo(RunStatus.QUEUED);
        } finally {
            launcher.resumeStarts();
        }
        assertThat(awaitEnded(held).get(0).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aFullQueueRefusesTheLaunchAndRecordsNothing() {
        List<Launch> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(launcher.launch("slow", Map.of(), null, "api"));
        }
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class);

        assertThatThrownBy(() -> launcher.launch("slow", Map.of(), null, "api"))
                .isInstanceOfSatisfying(QueueFullException.class, e -> assertThat(e.retryAfterSeconds()).isPositive())
                .hasMessageContaining("queue is full (3 runs waiting)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class)).isEqualTo(before);
        awaitEnded(accepted.toArray(Launch[]::new));
    }

    @Test
    void theSameIdempotencyKeyAndRequestReturnTheSameRunAndAnotherRequestIsRefused() {
        Launch launched = launcher.launch("typed", Map.of("count", 3), "key-1", "api");
        Launch repeated = launcher.launch("typed", Map.of("count", 3), "key-1", "api");

        assertThat(repeated.runId()).isEqualTo(launched.runId());
        assertThat(repeated.repeated()).isTrue();
        assertThatThrownBy(() -> launcher.launch("typed", Map.of("count", 4), "key-1", "api"))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining(launched.runId());
        assertThatThrownBy(() -> launcher.launch("quick", Map.of(), "key-1", "api"))
                .isInstanceOf(IdempotencyConflictException.class);
        awaitEnded(launched);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN WHERE IDEMPOTENCY_KEY = 'key-1'", Integer.class)).isOne();
    }

    @Test
    void badLaunchesAreRefusedBeforeAnythingIsWritten() {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class);

        assertThatThrownBy(() -> launcher.launch("nope", Map.of(), null, "api"))
                .isInstanceOf(NoSuchWorkflowException.class).hasMessageContaining("unknown workflow 'nope'").hasMessageContaining("quick");
        assertThatThrownBy(() -> launcher.launch("typed", Map.of("count", "many", "extra", 1), null, "api"))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.problems()).hasSize(2));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class)).isEqualTo(before);
    }

    @Test
    void stoppingARunningRunKillsItsAgentsEndsItStoppedAndARestartRunsOnlyWhatDidNotComplete() {
        Launch launch = launcher.launch("sleeper", Map.of(), null, "api");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            RunDocument run = runner.document(launch.runId());
            return !run.phases().isEmpty() && run.phases().get(0).agents().get(1).status().equals(AgentStatus.RUNNING)
                    && run.phases().get(0).agents().get(0).status().equals(AgentStatus.COMPLETED);
        });

        assertThat(launcher.stop(launch.runId())).as("was queued").isFalse();

        // The sleeper's process is killed: the run ends long before its 30 s.
        RunDocument stopped = awaitEnded(launch).get(0);
        assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(stopped.phases().get(0).agents()).extracting(RunDocument.Agent::status).containsExactly(AgentStatus.COMPLETED, AgentStatus.STOPPED);
        assertThat(stopped.phases().get(0).agents().get(1).error()).isEqualTo("stopped: stopped on request");
        assertThat(stopped.durationMs()).isLessThan(20_000);

        Launch restarted = launcher.restart(launch.runId());
        assertThat(restarted.runId()).isEqualTo(launch.runId());
        await().atMost(Duration.ofSeconds(10)).until(() -> RunStatus.RUNNING.equals(runner.document(launch.runId()).status()));
        assertThatThrownBy(() -> launcher.restart(launch.runId())).isInstanceOf(RunNotRestartableException.class);
        launcher.stop(launch.runId());
        RunDocument again = awaitEnded(launch).get(0);
        assertThat(again.phases().get(0).agents().get(0).attempts()).as("completed agent not run again").isEqualTo(1);
        assertThat(again.phases().get(0).agents().get(1).attempts()).isEqualTo(2);
    }

    @Test
    void aStoppedQueuedRunNeverStartsAndEndedRunsCannotBeStopped() {
        Launch a = launcher.launch("slow", Map.of(), null, "api");
        Launch b = launcher.launch("slow", Map.of(), null, "api");
        Launch queued = launcher.launch("quick", Map.of(), null, "api");

        assertThat(launcher.stop(queued.runId())).isTrue();

        awaitEnded(a, b);
        RunDocument never = runner.document(queued.runId());
        assertThat(never.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(never.startedAt()).isNull();
        assertThat(never.phases()).isEmpty();
        assertThatThrownBy(() -> launcher.stop(a.runId())).isInstanceOf(RunNotStoppableException.class)
                .hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> launcher.stop("no-such-run")).isInstanceOf(NoSuchRunException.class);
        assertThatThrownBy(() -> launcher.restart(a.runId())).isInstanceOf(RunNotRestartableException.class);
    }

    private List<RunDocument> awaitEnded(Launch... launches) {
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(launches)
                .map(l -> runner.document(l.runId()).status())
                .allMatch(RunStatus::isTerminal));
        return java.util.Arrays.stream(launches).map(l -> runner.document(l.runId())).toList();
    }
}
