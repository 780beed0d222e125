package org.perfect21.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.Perfect21Application;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Queued runs, and runs a stopping or dying server left unfinished, run when the server starts again. */
class QueueRestartTests {

    @TempDir
    static Path data;

    @Test
    void queuedAndInterruptedRunsCompleteAfterTheServerRestartsOnTheSameDatabase() throws IOException {
        Path jobs = ApiTestFiles.jobsDir(data);
        Launch interrupted;
        List<Launch> queued;
        RunLauncher launcher;
        try (ConfigurableApplicationContext first = start(jobs)) {
            launcher = first.getBean(RunLauncher.class);
            interrupted = launcher.launch("nap", Map.of(), null, "api");
            queued = List.of(launcher.launch("quick", Map.of(), null, "api"), launcher.launch("quick", Map.of(), null, "api"),
                    launcher.launch("quick", Map.of(), null, "api"));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(status(jdbc, interrupted.runId())));
            assertThat(queued).allSatisfy(l -> assertThat(l.status()).isEqualTo(RunStatus.QUEUED));
        }
        assertThatThrownBy(() -> launcher.launch("quick", Map.of(), null, "api"))
                .as("a closed server takes no launches").isInstanceOf(org.perfect21.launch.LaunchesClosedException.class);
        JdbcTemplate between;
        try (ConfigurableApplicationContext peek = startWithoutServer(jobs)) {
            between = peek.getBean(JdbcTemplate.class);
            assertThat(status(between, interrupted.runId())).as("a run cut short by the shutdown is queued again").isEqualTo("QUEUED");
            assertThat(queued).allSatisfy(l -> assertThat(status(peek.getBean(JdbcTemplate.class), l.runId())).isEqualTo("QUEUED"));
            // As if a server died right after taking a run from the queue.
            between.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, PARAMS, CREATED_AT, ORIGIN) VALUES"
                    + " ('crashed-run', 'quick', 'STARTING', '{}', CURRENT_TIMESTAMP, 'api')");
        }

        try (ConfigurableApplicationContext second = start(jobs)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM P21_RUN WHERE STATUS = 'COMPLETED'", Integer.class) == 5);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'nap'", Integer.class))
                    .as("the interrupted run was restarted, not started afresh").isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT ERROR FROM P21_RUN WHERE RUN_ID = ?", String.class, interrupted.runId())).isNull();
        }
    }

    @Test
    void closingTheApplicationStopsACommandLineRunWhichEndsStoppedAndCanBeRestarted() throws Exception {
        Path cliData = data.resolve("cli");
        Path jobs = ApiTestFiles.jobsDir(cliData);
        String[] props = {"perfect21.data-dir=" + cliData, "perfect21.jobs-dir=" + jobs};
        java.util.concurrent.CompletableFuture<org.perfect21.execution.RunOutcome> outcome;
        String runId;
        try (ConfigurableApplicationContext cli = new SpringApplicationBuilder(Perfect21Application.class)
                .web(WebApplicationType.NONE).properties(props).run()) {
            var workflow = cli.getBean(org.perfect21.workflow.DefinitionCatalog.class).workflow("sleeper").orElseThrow();
            var runner = cli.getBean(org.perfect21.execution.WorkflowRunner.class);
            outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.execute(workflow, Map.of()));
            JdbcTemplate jdbc = cli.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM P21_AGENT_RESULT WHERE AGENT = 'fast'", Integer.class) == 1);
            runId = jdbc.queryForObject("SELECT RUN_ID FROM P21_RUN", String.class);
        }

        assertThat(outcome.get(20, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(RunStatus.STOPPED);
        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(Perfect21Application.class)
                .web(WebApplicationType.NONE).properties(props).run()) {
            assertThat(status(again.getBean(JdbcTemplate.class), runId)).isEqualTo("STOPPED");
            assertThat(again.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT ERROR FROM P21_AGENT_RESULT WHERE AGENT = 'sleeper'", String.class))
                    .isEqualTo("stopped: the process was shut down");
        }
    }

    private static String status(JdbcTemplate jdbc, String runId) {
        return jdbc.queryForObject("SELECT STATUS FROM P21_RUN WHERE RUN_ID = ?", String.class, runId);
    }

    private static ConfigurableApplicationContext start(Path jobs, String... more) {
        return new SpringApplicationBuilder(Perfect21Application.class).web(WebApplicationType.SERVLET)
                .properties(properties(jobs, "server.port=0", "perfect21.execution.max-concurrent-runs=1"))
                .properties(more)
                .run();
    }

    private static ConfigurableApplicationContext startWithoutServer(Path jobs) {
        return new SpringApplicationBuilder(Perfect21Application.class).web(WebApplicationType.NONE)
                .properties(properties(jobs)).run();
    }

    private static String[] properties(Path jobs, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("perfect21.data-dir=" + data, "perfect21.jobs-dir=" + jobs,
                "perfect21.tokens=" + ApiClient.TOKENS));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
