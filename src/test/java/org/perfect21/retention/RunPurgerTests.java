package org.perfect21.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.agent.RunWorkspaces;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.DatabaseTime;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTest;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The retention purge on a database holding 1,000 runs over 83 days: what goes and what stays per table, no orphan
 * rows anywhere, queued and running runs untouched however old, dry runs, and the purge records.
 */
@EngineTest
class RunPurgerTests {

    @TempDir
    static Path dir;
    static final int RUNS = 1000;
    static final Set<String> ACTIVE = Set.of("QUEUED", "STARTING", "RUNNING");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PurgeRecords records;
    @Autowired
    DataSource dataSource;
    @Autowired
    WorkflowRunner runner;
    @Autowired
    DefinitionLoader loader;
    @Autowired
    RunWorkspaces workspaces;

    private RunHistoryFixture fixture;
    private List<RunHistoryFixture.Run> runs;
    private Instant now;

    @BeforeEach
    void aThousandRuns() {
        fixture = new RunHistoryFixture(jdbc, transaction);
        fixture.clear();
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        runs = new ArrayList<>();
        // One run every two hours over the last 2,000 hours (about 83 days), oldest first.
        for (int i = 0; i < RUNS; i++) {
            Instant created = now.minus(Duration.ofHours(2L * (RUNS - i)));
            String status = switch (i % 40) {
                case 0 -> "QUEUED";
                case 1 -> "STARTING";
                case 2 -> "RUNNING";
                case 3 -> "FAILED";
                case 4 -> "STOPPED";
                default -> "COMPLETED";
            };
            boolean active = ACTIVE.contains(status);
            // Some runs end long after they start, some terminal ones have no end recorded (their creation counts).
            Instant ended = active || i % 113 == 7 ? null : created.plus(i % 7 == 0 ? Duration.ofDays(40) : Duration.ofMinutes(2));
            runs.add(new RunHistoryFixture.Run("run-%05d".formatted(i), i % 2 == 0 ? "alpha" : "beta", status, created, ended,
                    i % 10 == 5 ? 2 : 1, 2, 3, i % 97 != 6, 200));
        }
        fixture.insert(runs, 10_000_000L);
    }

    @Test
    void maxAgeDeletesTerminalRunsThatEndedBeforeTheCutoffWithEverythingTheyOwn() {
        Map<String, Long> before = fixture.count();

        PurgeReport report = purger(Duration.ofDays(30), 1_000_000, 500).purge(PurgeTrigger.CLI, false);

        Instant cutoff = now.minus(Duration.ofDays(30));
        List<RunHistoryFixture.Run> expected = runs.stream().filter(run -> run.terminal()
                && (run.endedAt() != null ? run.endedAt().isBefore(cutoff) : run.createdAt().isBefore(cutoff))).toList();
        assertThat(expected).hasSizeBetween(500, 800);
        assertDeleted(report, expected, before);
        assertThat(report.cutoff()).isBetween(cutoff, cutoff.plusSeconds(60));
        assertThat(remainingRunIds()).doesNotContainAnyElementsOf(ids(expected));
        // Runs created before the cutoff that ended after it stay.
        assertThat(remainingRunIds()).contains(runs.stream().filter(run -> run.terminal() && run.endedAt() != null
                && run.createdAt().isBefore(cutoff) && run.endedAt().isAfter(cutoff)).findFirst().orElseThrow().runId());
    }

    @Test
    void aPurgedRunsWorkspaceGoesWithItAndADryRunKeepsIt() throws IOException {
        RunHistoryFixture.Run purged = runs.get(5);
        RunHistoryFixture.Run kept = runs.get(RUNS - 5);
        Path purgedWorkspace = workspaces.open(purged.runId());
        Files.writeString(Files.createDirectories(purgedWorkspace.resolve("notes")).resolve("review.md"), "written by an agent");
        Path keptWorkspace = workspaces.open(kept.runId());

        purger(Duration.ofDays(30), 1_000_000, 500).purge(PurgeTrigger.CLI, true);
        assertThat(purgedWorkspace.resolve("notes/review.md")).as("a dry run deletes nothing").exists();

        purger(Duration.ofDays(30), 1_000_000, 500).purge(PurgeTrigger.CLI, false);

        assertThat(remainingRunIds()).doesNotContain(purged.runId()).contains(kept.runId());
        assertThat(purgedWorkspace).doesNotExist();
        assertThat(keptWorkspace).isDirectory();
    }

    @Test
    void maxRunsKeepsTheNewestRunsAndDeletesOlderTerminalOnes() {
        Map<String, Long> before = fixture.count();

        PurgeReport report = purger(Duration.ofDays(3650), 500, 500).purge(PurgeTrigger.CLI, false);

        // The newest 500 runs (whatever their status) stay; older terminal runs go.
        List<RunHistoryFixture.Run> newestFirst = runs.stream()
                .sorted(Comparator.comparing(RunHistoryFixture.Run::createdAt).reversed()).toList();
        List<RunHistoryFixture.Run> expected = newestFirst.subList(500, RUNS).stream().filter(RunHistoryFixture.Run::terminal).toList();
        assertDeleted(report, expected, before);
        long olderActive = newestFirst.subList(500, RUNS).stream().filter(run -> !run.terminal()).count();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Long.class)).isEqualTo(500 + olderActive);
        assertThat(remainingRunIds()).containsAll(ids(newestFirst.subList(0, 500)));
    }

    @Test
    void queuedStartingAndRunningRunsAreNeverTouchedHoweverOld() {
        List<RunHistoryFixture.Run> active = runs.stream().filter(run -> !run.terminal()).toList();
        Map<String, Long> activeRows = RunHistoryFixture.rowsOf(active);

        PurgeReport report = purger(Duration.ofMillis(1), 1, 500).purge(PurgeTrigger.CLI, false);

        // Nothing but the active runs is left, each with all its rows.
        assertThat(report.runsDeleted()).isEqualTo(RUNS - active.size());
        assertThat(remainingRunIds()).containsExactlyInAnyOrderElementsOf(ids(active));
        assertThat(fixture.count()).isEqualTo(activeRows);
        assertNoOrphans();
    }

    @Test
    void aDryRunDeletesNothingAndCountsExactlyWhatThePurgeThenDeletes() {
        Map<String, Long> before = fixture.count();

        // Windows of 7 runs for the dry run, 500 for the purge: the counts do not depend on the windows.
        PurgeReport dry = purger(Duration.ofDays(30), 500, 7).purge(PurgeTrigger.API, true);
        Map<String, Long> afterDryRun = fixture.count();
        PurgeReport real = purger(Duration.ofDays(30), 500, 500).purge(PurgeTrigger.API, false);

        assertThat(afterDryRun).isEqualTo(before);
        assertThat(dry.dryRun()).isTrue();
        assertThat(real.dryRun()).isFalse();
        assertThat(dry.runsDeleted()).isEqualTo(real.runsDeleted()).isGreaterThan(500);
        assertThat(dry.rowsByTable()).isEqualTo(real.rowsByTable());
        assertThat(dry.rowsDeleted()).isEqualTo(real.rowsDeleted());
        assertNoOrphans();
    }

    @Test
    void eachPurgeIsRecordedNewestFirstAndOldRecordsGoWithTheRuns() {
        jdbc.update("INSERT INTO P21_PURGE (TRIGGERED_BY, DRY_RUN, STARTED_AT, ENDED_AT, DURATION_MS, CUTOFF, MAX_RUNS)"
                        + " VALUES ('schedule', FALSE, ?, ?, 5, ?, 10)", DatabaseTime.utc(now.minus(Duration.ofDays(31))),
                DatabaseTime.utc(now.minus(Duration.ofDays(31))), DatabaseTime.utc(now.minus(Duration.ofDays(61))));
        RunPurger purger = purger(Duration.ofDays(30), 10_000, 500);

        PurgeReport dry = purger.purge(PurgeTrigger.CLI, true);
        PurgeReport real = purger.purge(PurgeTrigger.SCHEDULE, false);
        List<PurgeReport> recorded = records.recent(10);

        assertThat(recorded).extracting(PurgeReport::id).containsExactly(real.id(), dry.id());
        // PostgreSQL rounds the clock's nanoseconds to microseconds.
        assertThat(recorded.get(0)).usingRecursiveComparison().ignoringFields("endedAt", "durationMs")
                .withComparatorForType((Instant a, Instant b) -> Math.abs(Duration.between(a, b).toNanos()) < 1_000 ? 0 : a.compareTo(b),
                        Instant.class)
                .isEqualTo(real);
        assertThat(recorded.get(0).trigger()).isEqualTo("schedule");
        assertThat(recorded.get(1).trigger()).isEqualTo("cli");
        assertThat(recorded.get(1).dryRun()).isTrue();
        assertThat(recorded.get(0).endedAt()).isAfterOrEqualTo(recorded.get(0).startedAt());
        assertThat(recorded.get(0).durationMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(recorded.get(0).rowsByTable().keySet()).containsExactlyElementsOf(RunPurger.TABLES);
        assertThat(recorded.get(0).rowsByTable()).containsEntry("P21_PURGE", 1L).containsEntry("P21_PURGE_TABLE", 0L);
        assertThat(recorded.get(0).error()).isNull();
        assertThat(real.rowsDeleted()).isEqualTo(real.rowsByTable().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aPurgeWithNothingToDoRecordsZeroes() {
        PurgeReport report = purger(Duration.ofDays(3650), 1_000_000, 500).purge(PurgeTrigger.API, false);

        assertThat(report.runsDeleted()).isZero();
        assertThat(report.rowsDeleted()).isZero();
        assertThat(fixture.count().get("P21_RUN")).isEqualTo(RUNS);
        assertThat(records.recent(1).get(0).runsDeleted()).isZero();
    }

    @Test
    void aPurgeWaitsForARunLockedByARestartAndASecondPurgeMeanwhileIsRefused() throws Exception {
        RunPurger purger = purger(Duration.ofDays(30), 1_000_000, 500);
        String oldest = runs.stream().filter(RunHistoryFixture.Run::terminal).findFirst().orElseThrow().runId();
        CompletableFuture<PurgeReport> first;
        try (Connection restart = dataSource.getConnection()) {
            // A restart moving the run back to QUEUED holds its row until it commits.
            restart.setAutoCommit(false);
            try (PreparedStatement update = restart.prepareStatement("UPDATE P21_RUN SET STATUS = 'QUEUED', ENDED_AT = NULL WHERE RUN_ID = ?")) {
                update.setString(1, oldest);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            first = CompletableFuture.supplyAsync(() -> purger.purge(PurgeTrigger.SCHEDULE, false));
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM P21_PURGE WHERE ENDED_AT IS NULL", Integer.class) == 1);

            assertThatThrownBy(() -> purger.purge(PurgeTrigger.API, false)).isInstanceOf(PurgeInProgressException.class)
                    .hasMessageContaining("already running");
            assertThat(first).isNotDone();
            restart.commit();
        }

        PurgeReport report = first.get(30, TimeUnit.SECONDS);
        // The restarted run is queued now, so it stays.
        assertThat(remainingRunIds()).contains(oldest);
        assertThat(report.error()).isNull();
        assertNoOrphans();
    }

    @Test
    void realRunsLeaveNoRowBehindInAnyTable() throws IOException {
        fixture.clear();
        WorkflowDefinition twoPhases = workflow("two-phases", """
                phases:
                  - name: first
                    agents: [{name: a, kind: simulated, outputBytes: 2KB}, {name: b, kind: simulated}]
                  - name: second
                    agents: [{name: c, kind: simulated}]
                """);
        WorkflowDefinition failing = workflow("failing", """
                phases:
                  - name: only
                    agents: [{name: f, kind: simulated, failureRate: 1}]
                """);
        WorkflowDefinition chosen = workflow("chosen", """
                parameters:
                  feature: {type: string, default: search}
                phases:
                  - name: only
                    agents:
                      auto: {task: "{{params.feature}}", from: {category: engineering}, counts: {simple: 1, standard: 1, complex: 1}}
                """);
        String completed = runner.execute(twoPhases, Map.of()).runId();
        String failed = runner.execute(failing, Map.of()).runId();
        runner.execute(chosen, Map.of());
        runner.restart(failed);
        String unrecorded = runner.execute(twoPhases, Map.of()).runId();
        // As if its process had died before the run recorded its job ids: the instance is found by its key.
        jdbc.update("UPDATE P21_RUN SET JOB_INSTANCE_ID = NULL, JOB_EXECUTION_ID = NULL WHERE RUN_ID = ?", unrecorded);
        jdbc.update("UPDATE P21_RUN SET CREATED_AT = ?, ENDED_AT = ?", DatabaseTime.utc(now.minus(Duration.ofDays(3))),
                DatabaseTime.utc(now.minus(Duration.ofDays(2))));
        Map<String, Long> before = fixture.count();
        assertThat(runner.document(completed).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(runner.document(failed).status()).isEqualTo(RunStatus.FAILED);

        PurgeReport report = purger(Duration.ofDays(1), 1_000_000, 2).purge(PurgeTrigger.CLI, false);

        assertThat(before.get("BATCH_JOB_EXECUTION")).isEqualTo(5);
        assertThat(before.get("P21_AGENT_RESULT")).isEqualTo(8);
        assertThat(before.get("P21_PHASE_SELECTION")).as("the auto phase's choice").isEqualTo(1);
        assertThat(report.runsDeleted()).isEqualTo(4);
        assertThat(report.rowsByTable()).containsAllEntriesOf(before);
        assertThat(fixture.count()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    private WorkflowDefinition workflow(String name, String phases) throws IOException {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, "name: " + name + "\n" + phases);
        return loader.loadFiles(List.of(), List.of(file)).workflow(name).orElseThrow();
    }

    private RunPurger purger(Duration maxAge, int maxRuns, int batchSize) {
        return new RunPurger(jdbc, transaction, records, new RetentionProperties(maxAge, maxRuns, "0 0 3 * * ?", null, batchSize),
                workspaces);
    }

    /** The report names the expected runs' rows, and the tables lost exactly those. */
    private void assertDeleted(PurgeReport report, List<RunHistoryFixture.Run> expected, Map<String, Long> before) {
        Map<String, Long> expectedRows = RunHistoryFixture.rowsOf(expected);
        Map<String, Long> after = fixture.count();
        Map<String, Long> lost = new LinkedHashMap<>();
        before.forEach((table, n) -> lost.put(table, n - after.get(table)));

        assertThat(report.runsDeleted()).isEqualTo(expected.size());
        assertThat(lost).isEqualTo(expectedRows);
        assertThat(report.rowsByTable()).containsAllEntriesOf(expectedRows);
        assertThat(report.error()).isNull();
        assertNoOrphans();
    }

    /** Every row in every table still belongs to a run, and every run still has its job instance. */
    private void assertNoOrphans() {
        Map<String, String> orphans = new LinkedHashMap<>();
        orphans.put("step contexts without step", "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT c WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_STEP_EXECUTION s WHERE s.STEP_EXECUTION_ID = c.STEP_EXECUTION_ID)");
        orphans.put("steps without job execution", "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID)");
        orphans.put("job contexts without job execution", "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_CONTEXT c WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_EXECUTION_ID = c.JOB_EXECUTION_ID)");
        orphans.put("params without job execution", "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS p WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID)");
        orphans.put("job executions without instance", "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_INSTANCE i WHERE i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID)");
        orphans.put("job instances without run", "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE i WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
                + " JOIN P21_RUN r ON r.RUN_ID = p.PARAMETER_VALUE WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID AND p.PARAMETER_NAME = 'run.id')");
        orphans.put("runs without their job instance", "SELECT COUNT(*) FROM P21_RUN r WHERE NOT EXISTS (SELECT 1 FROM"
                + " BATCH_JOB_EXECUTION_PARAMS p WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = r.RUN_ID)");
        orphans.put("recorded job instances missing", "SELECT COUNT(*) FROM P21_RUN r WHERE r.JOB_INSTANCE_ID IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_INSTANCE i WHERE i.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID)");
        orphans.put("phases without run", "SELECT COUNT(*) FROM P21_PHASE_RUN p WHERE NOT EXISTS"
                + " (SELECT 1 FROM P21_RUN r WHERE r.RUN_ID = p.RUN_ID)");
        orphans.put("agent results without run", "SELECT COUNT(*) FROM P21_AGENT_RESULT a WHERE NOT EXISTS"
                + " (SELECT 1 FROM P21_RUN r WHERE r.RUN_ID = a.RUN_ID)");
        orphans.put("purge tables without purge", "SELECT COUNT(*) FROM P21_PURGE_TABLE t WHERE NOT EXISTS"
                + " (SELECT 1 FROM P21_PURGE p WHERE p.ID = t.PURGE_ID)");
        Map<String, Long> found = orphans.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> jdbc.queryForObject(e.getValue(), Long.class), (a, b) -> a, LinkedHashMap::new));
        assertThat(found).allSatisfy((what, count) -> assertThat(count).as(what).isZero());
    }

    private List<String> remainingRunIds() {
        return jdbc.queryForList("SELECT RUN_ID FROM P21_RUN", String.class);
    }

    private static List<String> ids(List<RunHistoryFixture.Run> runs) {
        return runs.stream().map(RunHistoryFixture.Run::runId).toList();
    }
}
