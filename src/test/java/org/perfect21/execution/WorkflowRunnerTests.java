package org.perfect21.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.InvalidParametersException;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Running workflows end to end on the engine: phases, bounds, gates, restarts, retries and timeouts, shipped workflows. */
class WorkflowRunnerTests extends EngineTestSupport {

    @Autowired
    HikariDataSource dataSource;

    /** A run's phases, its document while it runs and after, its instructions and parameters. */
    @Nested
    class RunningAPhase {

        @Test
        void aPhaseOfNAgentsGivesNResultsWhoseIntervalsOverlap() {
            WorkflowDefinition workflow = workflow("""
                    name: overlap
                    phases:
                      - name: all
                        agents:
                          - {name: a1, kind: simulated, latency: 200ms, outputBytes: 2KB}
                          - {name: a2, kind: simulated, latency: 200ms, outputBytes: 2KB}
                          - {name: a3, kind: simulated, latency: 200ms, outputBytes: 2KB}
                          - {name: a4, kind: simulated, latency: 200ms, outputBytes: 2KB}
                          - {name: a5, kind: simulated, latency: 200ms, outputBytes: 2KB}
                    """);

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            List<RunDocument.Agent> agents = run.phases().get(0).agents();
            assertThat(agents).hasSize(5).allSatisfy(agent -> {
                assertThat(agent.status()).isEqualTo(AgentStatus.COMPLETED);
                assertThat(agent.outputBytes()).isEqualTo(2048);
                assertThat(agent.attempts()).isEqualTo(1);
            });
            Instant lastStart = agents.stream().map(RunDocument.Agent::startedAt).max(Comparator.naturalOrder()).orElseThrow();
            Instant firstEnd = agents.stream().map(RunDocument.Agent::endedAt).min(Comparator.naturalOrder()).orElseThrow();
            assertThat(lastStart).as("every agent started before any finished").isBefore(firstEnd);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_AGENT_RESULT WHERE RUN_ID = ?", Integer.class, run.runId()))
                    .isEqualTo(5);
            // The figures the reports read from the run row (V10), as its timestamps give them.
            Map<String, Object> figures = jdbc.queryForMap("SELECT DURATION_MS, QUEUE_WAIT_MS, AGENTS FROM P21_RUN WHERE RUN_ID = ?",
                    run.runId());
            // Read as OffsetDateTime by JDBC 4.2 (a plain getObject gives H2's OffsetDateTime but PostgreSQL's Timestamp).
            List<Instant> times = jdbc.queryForObject("SELECT CREATED_AT, STARTED_AT, ENDED_AT FROM P21_RUN WHERE RUN_ID = ?",
                    (rs, i) -> List.of(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                            rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant()), run.runId());
            Instant created = times.get(0);
            Instant started = times.get(1);
            Instant ended = times.get(2);
            assertThat(((Number) figures.get("DURATION_MS")).longValue())
                    .isCloseTo(java.time.Duration.between(started, ended).toNanos() / 1_000_000, org.assertj.core.data.Offset.offset(1L))
                    .isGreaterThanOrEqualTo(200);
            assertThat(((Number) figures.get("QUEUE_WAIT_MS")).longValue())
                    .isCloseTo(java.time.Duration.between(created, started).toNanos() / 1_000_000, org.assertj.core.data.Offset.offset(1L));
            assertThat(((Number) figures.get("AGENTS")).intValue()).isEqualTo(5);
        }

        @Test
        void executeReportsHowTheRunEndedAsTheRunDocumentRecordsIt() {
            probe.failing.add("p2");

            RunOutcome failed = runner.execute(workflow(probePhase("outcome-failed", 2, "")), Map.of());
            probe.failing.clear();
            RunOutcome completed = runner.execute(workflow(probePhase("outcome-completed", 2, "")), Map.of());

            assertThat(failed.status()).isEqualTo(RunStatus.FAILED).isEqualTo(runner.document(failed.runId()).status());
            assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED).isEqualTo(runner.document(completed.runId()).status());
        }

        @Test
        void whileARunGoesOnItsDocumentShowsFinishedRunningAndPendingAgents() {
            WorkflowDefinition workflow = workflow(probePhase("live", 3, "parallelism: 1").replace("kind: probe", "kind: probe, latency: 300ms"));

            var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.execute(workflow, Map.of()));

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                String runId = jdbc.queryForObject("SELECT MAX(RUN_ID) FROM P21_RUN WHERE WORKFLOW = 'live'", String.class);
                assertThat(runId).isNotNull();
                RunDocument live = runner.document(runId);
                assertThat(live.status()).isEqualTo(RunStatus.RUNNING);
                assertThat(live.phases().get(0).agents()).extracting(RunDocument.Agent::agent, RunDocument.Agent::status)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", AgentStatus.COMPLETED),
                                org.assertj.core.groups.Tuple.tuple("p2", AgentStatus.RUNNING), org.assertj.core.groups.Tuple.tuple("p3", AgentStatus.PENDING));
                assertThat(live.phases().get(0).agents().get(1).startedAt()).isNotNull();
                assertThat(live.phases().get(0).agents().get(1).attempts()).isEqualTo(1);
            });
            assertThat(running.join().status()).isEqualTo(RunStatus.COMPLETED);
        }

        @Test
        void instructionsAreRenderedWithParametersAndPhase() {
            WorkflowDefinition workflow = workflow("""
                    name: rendering
                    parameters:
                      topic: {type: string, required: true}
                    phases:
                      - name: echo
                        instruction: "phase {{phase.name}} of {{workflow.name}}"
                        agents: [{name: echo, kind: probe, instruction: "topic={{params.topic}}"}]
                    """);

            RunDocument run = runner.run(workflow, Map.of("topic", "billing"));

            String output = jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ?", String.class, run.runId());
            assertThat(output).isEqualTo("topic=billing\n\nphase echo of rendering");
        }

        @Test
        void badParametersAreRefusedBeforeAnythingIsWritten() {
            WorkflowDefinition workflow = workflow("""
                    name: typed
                    parameters:
                      count: {type: integer, required: true}
                    phases:
                      - agents: [{name: one, kind: probe}]
                    """);
            Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class);

            assertThatThrownBy(() -> runner.run(workflow, Map.of("count", "many", "extra", "1")))
                    .isInstanceOf(InvalidParametersException.class)
                    .hasMessageContaining("'many' is not an integer").hasMessageContaining("unknown parameter 'extra'");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class)).isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'typed'", Integer.class)).isZero();
        }
    }

    /** How many agents run at once, and what they hold meanwhile. */
    @Nested
    class Bounds {

        @Test
        void parallelismBoundsTheAgentsOfAPhaseInFlight() {
            WorkflowDefinition workflow = workflow(probePhase("bounded", 6, "parallelism: 2"));

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(probe.maxInFlight.get()).isEqualTo(2);
            assertThat(run.phases().get(0).agents()).hasSize(6);
        }

        @Test
        void agentsHoldNoDatabaseConnectionWhileTheyWork() {
            probe.observer = () -> dataSource.getHikariPoolMXBean().getActiveConnections();
            WorkflowDefinition workflow = workflow(probePhase("connections", 4, ""));

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(probe.maxObserved.get()).as("active JDBC connections while agents ran").isZero();
        }
    }

    /** minSuccess: a phase that meets it lets the run go on, one that misses it fails the run there. */
    @Nested
    class Gates {

        @Test
        void aPhaseMeetingMinSuccessLetsTheRunGoOn() {
            probe.failing.add("p1");
            probe.failing.add("p2");
            WorkflowDefinition workflow = workflow(probePhase("lenient", 4, "minSuccess: 50%") + """
                      - name: second
                        agents: [{name: after, kind: probe}]
                    """);

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.phases()).extracting(RunDocument.Phase::status).containsExactly(PhaseStatus.COMPLETED, PhaseStatus.COMPLETED);
            assertThat(run.phases().get(0).succeeded()).isEqualTo(2);
            assertThat(run.phases().get(0).failed()).isEqualTo(2);
            assertThat(probe.invocationsOf("after")).isEqualTo(1);
        }

        @Test
        void aPhaseMissingMinSuccessFailsTheRunAndStopsItThere() {
            probe.failing.add("p1");
            probe.failing.add("p2");
            WorkflowDefinition workflow = workflow(probePhase("strict", 4, "minSuccess: 3") + """
                      - name: second
                        agents: [{name: after, kind: probe}]
                    """);

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).contains("phase 'work'", "2 of 4 agents succeeded", "requires 3");
            assertThat(run.phases()).hasSize(1);
            assertThat(run.phases().get(0).status()).isEqualTo(PhaseStatus.FAILED);
            assertThat(probe.invocationsOf("after")).isZero();
        }
    }

    /** Restarting failed and crashed runs: only what did not complete runs again. */
    @Nested
    class Restarts {

        @Test
        void restartingAFailedRunRerunsOnlyTheAgentsThatDidNotComplete() {
            probe.failing.add("p3");
            WorkflowDefinition workflow = workflow("""
                    name: restartable
                    phases:
                      - name: first
                        agents: [{name: f1, kind: probe}, {name: f2, kind: probe}]
                    """ + probePhase("ignored", 4, "").substring("name: ignored\nphases:\n".length()));
            RunDocument failed = runner.run(workflow, Map.of());
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            probe.failing.clear();

            RunDocument restarted = runner.restart(failed.runId());

            assertThat(restarted.runId()).isEqualTo(failed.runId());
            assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(probe.invocationsOf("f1")).as("completed phase not re-run").isEqualTo(1);
            assertThat(probe.invocationsOf("p1")).as("completed agent not re-run").isEqualTo(1);
            assertThat(probe.invocationsOf("p3")).as("failed agent re-run").isEqualTo(2);
            RunDocument.Agent p3 = restarted.phases().get(1).agents().stream().filter(a -> a.agent().equals("p3")).findFirst().orElseThrow();
            assertThat(p3.status()).isEqualTo(AgentStatus.COMPLETED);
            assertThat(p3.attempts()).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN P21_RUN r ON r.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                    + " WHERE r.RUN_ID = ?", Integer.class, failed.runId())).as("two executions of one job instance").isEqualTo(2);
        }

        @Test
        void aRunLeftRunningByACrashedProcessIsRecoveredAndRestarted() {
            probe.failing.add("p2");
            RunDocument failed = runner.run(workflow(probePhase("crashed", 3, "")), Map.of());
            // What a killed process leaves behind: the execution still STARTED, the run still RUNNING.
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                    + " WHERE JOB_EXECUTION_ID = (SELECT JOB_EXECUTION_ID FROM P21_RUN WHERE RUN_ID = ?)", failed.runId());
            jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL"
                    + " WHERE JOB_EXECUTION_ID = (SELECT JOB_EXECUTION_ID FROM P21_RUN WHERE RUN_ID = ?)", failed.runId());
            jdbc.update("UPDATE P21_RUN SET STATUS = 'RUNNING', ENDED_AT = NULL WHERE RUN_ID = ?", failed.runId());
            probe.failing.clear();

            RunDocument restarted = runner.restart(failed.runId());

            assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(probe.invocationsOf("p1")).isEqualTo(1);
            assertThat(probe.invocationsOf("p2")).isEqualTo(2);
        }

        @Test
        void aCompletedRunCannotBeRestarted() {
            RunDocument run = runner.run(workflow(probePhase("done", 1, "")), Map.of());

            assertThatThrownBy(() -> runner.restart(run.runId())).isInstanceOf(RunNotRestartableException.class)
                    .hasMessageContaining("completed");
            assertThatThrownBy(() -> runner.restart("no-such-run")).isInstanceOf(NoSuchRunException.class);
        }
    }

    /** Retries, attempt timeouts (processes killed) and phase deadlines. */
    @Nested
    class AttemptsAndTimeouts {

        @Test
        void failedAttemptsAreRetriedUpToRetries() {
            WorkflowDefinition workflow = workflow("""
                    name: retrying
                    phases:
                      - name: flaky
                        agents: [{name: flaky, kind: simulated, failureRate: 1.0, retries: 2}]
                    """);

            RunDocument run = runner.run(workflow, Map.of());

            RunDocument.Agent agent = run.phases().get(0).agents().get(0);
            assertThat(agent.status()).isEqualTo(AgentStatus.FAILED);
            assertThat(agent.attempts()).isEqualTo(3);
            assertThat(agent.error()).contains("simulated failure of flaky (attempt 3)");
        }

        @Test
        void anAttemptPastItsTimeoutFails() {
            WorkflowDefinition workflow = workflow("""
                    name: slow
                    phases:
                      - name: slow
                        minSuccess: 0
                        agents: [{name: slow, kind: simulated, latency: 10s, timeout: 100ms}, {name: quick, kind: simulated}]
                    """);

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            RunDocument.Agent slow = run.phases().get(0).agents().get(0);
            assertThat(slow.status()).isEqualTo(AgentStatus.FAILED);
            assertThat(slow.error()).isEqualTo("timed out after 100 ms");
        }

        @Test
        void aCommandAgentPastItsTimeoutFailsAndItsProcessTreeIsKilled() throws IOException {
            Path pidFile = dir.resolve("sleeper.pid");
            WorkflowDefinition workflow = workflow("""
                    name: sleeper
                    phases:
                      - name: sleepy
                        agents:
                          - {name: sleeper, kind: command, timeout: 300ms, command: [sh, -c, "sleep 300 & echo $! > %s; wait"]}
                    """.formatted(pidFile));

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.phases().get(0).agents().get(0).error()).isEqualTo("timed out after 300 ms");
            long grandchild = Long.parseLong(Files.readString(pidFile).strip());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    ProcessHandle.of(grandchild).map(p -> !p.isAlive()).orElse(true));
        }

        @Test
        void aPhaseTimeoutFailsWhatIsStillRunning() {
            WorkflowDefinition workflow = workflow("""
                    name: deadline
                    phases:
                      - name: bounded
                        timeout: 150ms
                        agents: [{name: long, kind: simulated, latency: 10s}, {name: short, kind: simulated, latency: 10ms}]
                    """);

            RunDocument run = runner.run(workflow, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.phases().get(0).agents()).extracting(RunDocument.Agent::agent, RunDocument.Agent::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("long", AgentStatus.FAILED), org.assertj.core.groups.Tuple.tuple("short", AgentStatus.COMPLETED));
            assertThat(run.phases().get(0).agents().get(0).error()).isEqualTo("phase 'bounded' timed out after 150 ms");
        }
    }

    /** The workflows shipped in jobs/ run to completion. */
    @Nested
    class ShippedWorkflows {

        @Test
        void theShippedFeatureDevelopmentWorkflowCompletes() {
            RunDocument run = runner.run(loader.load().workflow("feature-development").orElseThrow(), Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.phases()).extracting(RunDocument.Phase::name).containsExactly("analysis", "review");
            assertThat(run.phases().get(0).agents()).extracting(RunDocument.Agent::agent).containsExactly(
                    "backend-architect", "security-auditor", "test-engineer", "api-designer", "database-specialist");
        }

        @Test
        void theShippedRepositoryStatsWorkflowDoesRealWorkWithGit() {
            RunDocument run = runner.run(loader.load().workflow("repository-stats").orElseThrow(), Map.of("path", "."));

            assertThat(run.status()).as(String.valueOf(run)).isEqualTo(RunStatus.COMPLETED);
            String commits = jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'commit-count'",
                    String.class, run.runId());
            assertThat(Integer.parseInt(commits.strip())).isPositive();
            String summary = jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'summary'",
                    String.class, run.runId());
            assertThat(summary).as("rendered from the context: the git snapshot and the commit count")
                    .startsWith("Repository .: branch ").contains("Commits: " + commits.strip());
        }
    }

    /** A workflow with one phase "work" of {@code count} probe agents p1..pN and extra phase keys. */
    private static String probePhase(String name, int count, String phaseKeys) {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nphases:\n  - name: work\n");
        if (!phaseKeys.isEmpty()) {
            yaml.append("    ").append(phaseKeys).append('\n');
        }
        yaml.append("    agents:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("      - {name: p").append(i).append(", kind: probe}\n");
        }
        return yaml.toString();
    }
}
