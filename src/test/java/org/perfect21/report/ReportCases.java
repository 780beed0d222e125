package org.perfect21.report;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.perfect21.retention.RetentionProperties;
import org.perfect21.rollup.HourlyRollup;
import org.perfect21.rollup.RollupProperties;
import org.perfect21.rollup.RollupResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.report.ReportFixture.DAY;
import static org.perfect21.report.ReportFixture.HOUR;
import static org.perfect21.report.ReportSqlSupport.params;

/**
 * Exact rows of every report on the {@link ReportFixture} history, with default and explicit parameters. Run on H2
 * ({@link ReportSqlTests}) and PostgreSQL ({@link ReportPostgresTests}): the same rows on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportCases {

    private static final DateTimeFormatter CUTOFF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    ReportFixture fixture;
    private NamedParameterJdbcTemplate named;

    /** A database with the platform's schema and no rows. */
    abstract JdbcTemplate createDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeAll
    void seed() throws Exception {
        JdbcTemplate jdbc = createDatabase();
        named = new NamedParameterJdbcTemplate(jdbc);
        fixture = new ReportFixture(jdbc);
        fixture.seed();
    }

    @AfterAll
    void drop() throws Exception {
        dropDatabase();
    }

    // ---------------------------------------------------------------- workflow-summary

    static final List<String> WORKFLOW_SUMMARY = List.of("workflow", "runs", "completed", "failed", "success_rate", "p50_ms", "p95_ms",
            "max_ms", "gate_failures", "phase_repeats");

    @Test
    void workflowSummaryOverTheDefaultWindow() {
        // alpha: r1..r4, durations 2000, 1000, 4000, r1's gate passed; beta: r5..r8, durations 3600000, 10000, 700, r5's
        // gate failed (and let the run go on).
        assertRows("workflow-summary", params(), WORKFLOW_SUMMARY,
                row("alpha", 4, 2, 1, "0.6667", 2000, 3800, 4000, 0, 0),
                row("beta", 4, 1, 1, "0.5", 10_000, 3_241_000, 3_600_000, 1, 0));
    }

    @Test
    void workflowSummaryFiltersByCreationWindowAndWorkflow() {
        assertRows("workflow-summary", params("from", fixture.at(HOUR)), WORKFLOW_SUMMARY,
                row("alpha", 2, 0, 1, "0", 4000, 4000, 4000, 0, 0),
                row("beta", 3, 0, 1, "0", 5350, 9535, 10_000, 0, 0));
        // r0's gate failed in iteration 1 and sent the work back: p1 ran again (iteration 2) and passed.
        assertRows("workflow-summary", params("from", fixture.at(-11 * DAY), "workflow", "alpha"), WORKFLOW_SUMMARY,
                row("alpha", 5, 3, 1, "0.75", 1500, 3700, 4000, 1, 1));
        assertRows("workflow-summary", params("workflow", "beta", "to", fixture.at(4_200_000)), WORKFLOW_SUMMARY,
                row("beta", 1, 1, 0, "1", 3_600_000, 3_600_000, 3_600_000, 1, 0));
        // A window with only a queued run: no rate, no durations, no phases.
        assertRows("workflow-summary", params("from", fixture.at(9_000_000)), WORKFLOW_SUMMARY,
                row("beta", 1, 0, 0, null, null, null, null, 0, 0));
        assertRows("workflow-summary", params("workflow", "gamma"), WORKFLOW_SUMMARY);
    }

    // ---------------------------------------------------------------- agent-performance

    static final List<String> AGENT_PERFORMANCE = List.of("agent", "executions", "failure_rate", "p50_ms", "p95_ms", "mean_output_bytes",
            "attempts_per_execution");

    @Test
    void agentPerformanceOverTheDefaultWindow() {
        assertRows("agent-performance", params(), AGENT_PERFORMANCE,
                row("fetch", 8, "0.125", 75, 1325, 875, "1.25"),
                row("review", 7, "0.2857", 900, 7900, 1571, "1.57"),
                row("summarize", 4, "0", 700, 4370, 4250, "1"));
    }

    @Test
    void agentPerformanceFiltersByAgent() {
        assertRows("agent-performance", params("agent", "review"), AGENT_PERFORMANCE,
                row("review", 7, "0.2857", 900, 7900, 1571, "1.57"));
        // The window is on ENDED_AT: r0's fetch ended ten days ago (in), r3's and r8's after one hour (out).
        assertRows("agent-performance", params("from", fixture.at(-11 * DAY), "to", fixture.at(HOUR), "agent", "fetch"),
                AGENT_PERFORMANCE, row("fetch", 7, "0", 50, 1170, 1000, "1"));
    }

    // ---------------------------------------------------------------- failures

    static final List<String> FAILURES = List.of("kind", "ended_at", "workflow", "run_id", "phase", "agent", "attempts", "error",
            "iteration");
    static final String NO_VERDICT = "review matches VERDICT: PASS: not found in its output: out";

    @Test
    void failuresNewestFirst() {
        assertRows("failures", params(), FAILURES,
                row("gate", fixture.at(5_395_000), "beta", "r5", "p0", null, null, NO_VERDICT, 1),
                row("run", fixture.at(5_001_000), "beta", "r8", null, null, null, null, null),
                row("agent", fixture.at(5_000_950), "beta", "r8", "p0", "fetch", 3, "fetch: HTTP 503", 1),
                row("run", fixture.at(HOUR + 6000), "alpha", "r3", null, null, null, "phase p0: 1 of 2 agents failed", null),
                row("agent", fixture.at(HOUR + 5500), "alpha", "r3", "p0", "review", 2, "review: exit code 1", 1),
                row("agent", fixture.at(600_900), "alpha", "r2", "p0", "review", 3, "review: timed out after 400 ms", 1));
    }

    @Test
    void failuresFilteredAndLimited() {
        assertRows("failures", params("limit", 2), FAILURES,
                row("gate", fixture.at(5_395_000), "beta", "r5", "p0", null, null, NO_VERDICT, 1),
                row("run", fixture.at(5_001_000), "beta", "r8", null, null, null, null, null));
        assertRows("failures", params("workflow", "alpha", "to", fixture.at(HOUR + 6000)), FAILURES,
                row("agent", fixture.at(HOUR + 5500), "alpha", "r3", "p0", "review", 2, "review: exit code 1", 1),
                row("agent", fixture.at(600_900), "alpha", "r2", "p0", "review", 3, "review: timed out after 400 ms", 1));
        assertRows("failures", params("from", fixture.at(5_395_001)), FAILURES);
    }

    @Test
    void failuresListFailedGatesThatDidNotFailTheRunByWhenTheirPhaseEnded() {
        // r5's gate (continue) let the run complete; its phase ended after r8's run, r5's run after that.
        assertRows("failures", params("from", fixture.at(5_001_001)), FAILURES,
                row("gate", fixture.at(5_395_000), "beta", "r5", "p0", null, null, NO_VERDICT, 1));
        // r0's gate (repeat) failed in iteration 1 and passed in iteration 2: only the failed verdict is a failure.
        assertRows("failures", params("from", fixture.at(-11 * DAY), "to", fixture.at(0), "workflow", "alpha"), FAILURES,
                row("gate", fixture.at(-10 * DAY + 440), "alpha", "r0", "p1", null, null, NO_VERDICT, 1));
        assertRows("failures", params("from", fixture.at(-11 * DAY), "to", fixture.at(-10 * DAY + 440)), FAILURES);
    }

    // ---------------------------------------------------------------- gates

    static final List<String> GATES = List.of("workflow", "phase", "verdicts", "passed", "failed", "pass_rate", "runs", "runs_passed",
            "repeats", "max_iteration", "iterations_per_run");

    @Test
    void gatesPerWorkflowAndPhaseOverTheDefaultWindow() {
        // alpha p1: r1 passed at once; beta p0: r5 failed (continue); r6 and r8 have no verdict, alpha's p0 no gate.
        assertRows("gates", params(), GATES,
                row("alpha", "p1", 1, 1, 0, "1", 1, 1, 0, 1, "1"),
                row("beta", "p0", 1, 0, 1, "0", 1, 0, 0, 1, "1"));
    }

    @Test
    void gatesCountEveryIterationOfAGateThatSentTheWorkBack() {
        // r0's p1: failed in iteration 1, passed in iteration 2; with r1's pass, 3 verdicts over 2 runs that both passed.
        assertRows("gates", params("from", fixture.at(-11 * DAY)), GATES,
                row("alpha", "p1", 3, 2, 1, "0.6667", 2, 2, 1, 2, "1.5"),
                row("beta", "p0", 1, 0, 1, "0", 1, 0, 0, 1, "1"));
        assertRows("gates", params("from", fixture.at(-11 * DAY), "to", fixture.at(-9 * DAY), "workflow", "alpha"), GATES,
                row("alpha", "p1", 2, 1, 1, "0.5", 1, 1, 1, 2, "2"));
        // The window is on the runs' creation: r5 was created at 0:30.
        assertRows("gates", params("from", fixture.at(1_800_001), "workflow", "beta"), GATES);
        assertRows("gates", params("workflow", "gamma"), GATES);
    }

    // ---------------------------------------------------------------- throughput

    static final List<String> THROUGHPUT = List.of("hour_start", "started", "finished", "peak_concurrent", "queue_wait_p95_ms");

    @Test
    void throughputPerHour() {
        // Hour 0: r1, r2, r5 start (waits 1000, 500, 0), r1 and r2 end, never two at once.
        // Hour 1: r3, r6, r8 start (waits 2000, 1000, 300) while r5 runs; r3, r6, r8 and r5 end.
        // Hour 2: r4 starts (no wait) and is still running.
        assertRows("throughput", params(), THROUGHPUT,
                row(fixture.at(0), 3, 2, 1, 950),
                row(fixture.at(HOUR), 3, 4, 2, 1900),
                row(fixture.at(2 * HOUR), 1, 0, 1, 0));
    }

    @Test
    void throughputCountsRunsStartedBeforeTheWindow() {
        // From 1:15 to 2:00: r8 starts and ends while r5 (started at 0:30) still runs, then r5 ends.
        assertRows("throughput", params("from", fixture.at(4_500_000), "to", fixture.at(2 * HOUR)), THROUGHPUT,
                row(fixture.at(HOUR), 1, 2, 2, 300));
        assertRows("throughput", params("from", fixture.at(3 * HOUR)), THROUGHPUT);
    }

    // ---------------------------------------------------------------- slo

    static final List<String> SLO = List.of("slo", "objective", "target", "measured", "samples", "verdict");

    @Test
    void sloWithDefaultTargets() {
        // 18 agent durations (p95 between 3000 and 5000), 5-agent runs r1, r2, r5, runs r1 r2 r3 r5 r8, 11 cacheable agents.
        assertRows("slo", params(), SLO,
                row("agent_p95_ms", "below", 800, 3300, 18, "FAIL"),
                row("run5_p95_ms", "below", 1500, 3_240_200, 3, "FAIL"),
                row("success_rate", "at least", "0.95", "0.6", 5, "FAIL"),
                row("cache_hit_rate", "at least", "0.85", "0.5455", 11, "FAIL"));
    }

    @Test
    void sloPassesAtTheTargetForRatesAndBelowItForDurations() {
        assertRows("slo", params("agent_p95_ms", 3301, "run5_p95_ms", 3_240_201, "success_rate", 0.6, "cache_hit_rate", 0.5455), SLO,
                row("agent_p95_ms", "below", 3301, 3300, 18, "PASS"),
                row("run5_p95_ms", "below", 3_240_201, 3_240_200, 3, "PASS"),
                row("success_rate", "at least", "0.6", "0.6", 5, "PASS"),
                row("cache_hit_rate", "at least", "0.5455", "0.5455", 11, "PASS"));
        assertRows("slo", params("agent_p95_ms", 3300, "run5_p95_ms", 3_240_200, "success_rate", 0.61, "cache_hit_rate", 0.5456), SLO,
                row("agent_p95_ms", "below", 3300, 3300, 18, "FAIL"),
                row("run5_p95_ms", "below", 3_240_200, 3_240_200, 3, "FAIL"),
                row("success_rate", "at least", "0.61", "0.6", 5, "FAIL"),
                row("cache_hit_rate", "at least", "0.5456", "0.5455", 11, "FAIL"));
    }

    @Test
    void sloWithoutSamplesHasNoData() {
        assertRows("slo", params("from", fixture.at(10 * HOUR), "to", fixture.at(11 * HOUR)), SLO,
                row("agent_p95_ms", "below", 800, null, 0, "NO DATA"),
                row("run5_p95_ms", "below", 1500, null, 0, "NO DATA"),
                row("success_rate", "at least", "0.95", null, 0, "NO DATA"),
                row("cache_hit_rate", "at least", "0.85", null, 0, "NO DATA"));
        // Only r3 and its agents ended in this window: 2 agents, no 5-agent run, 1 failed run, 1 cacheable miss.
        assertRows("slo", params("from", fixture.at(HOUR), "to", fixture.at(HOUR + 6001)), SLO,
                row("agent_p95_ms", "below", 800, 2425, 2, "FAIL"),
                row("run5_p95_ms", "below", 1500, null, 0, "NO DATA"),
                row("success_rate", "at least", "0.95", "0", 1, "FAIL"),
                row("cache_hit_rate", "at least", "0.85", "0", 1, "FAIL"));
    }

    // ---------------------------------------------------------------- context-usage

    static final List<String> CONTEXT_USAGE = List.of("workflow", "runs", "mean_bytes", "max_bytes", "peak_bytes", "budget_bytes",
            "mean_evictions", "max_evictions", "runs_at_budget");

    @Test
    void contextUsagePerWorkflow() {
        assertRows("context-usage", params(), CONTEXT_USAGE,
                row("alpha", 3, 4667, 9000, 10_000, 10_000, "0.67", 2, 2),
                row("beta", 1, 7000, 7000, 8000, 20_000, "1", 1, 1));
        assertRows("context-usage", params("from", fixture.at(-11 * DAY), "workflow", "alpha"), CONTEXT_USAGE,
                row("alpha", 4, 3525, 9000, 10_000, 10_000, "1.75", 5, 3));
        assertRows("context-usage", params("workflow", "beta", "to", fixture.at(1_800_000)), CONTEXT_USAGE);
    }

    // ---------------------------------------------------------------- cache

    static final List<String> CACHE = List.of("agent", "hot", "warm", "cold", "hits", "misses", "hit_rate");

    @Test
    void cachePerAgentWithATotal() {
        assertRows("cache", params(), CACHE,
                row("fetch", 2, 1, 1, 4, 4, "0.5"),
                row("summarize", 1, 0, 1, 2, 1, "0.6667"),
                row("(all agents)", 3, 1, 2, 6, 5, "0.5455"));
        assertRows("cache", params("agent", "fetch", "from", fixture.at(-11 * DAY)), CACHE,
                row("fetch", 2, 1, 1, 4, 5, "0.4444"),
                row("(all agents)", 2, 1, 1, 4, 5, "0.4444"));
        assertRows("cache", params("agent", "review"), CACHE,
                row("(all agents)", 0, 0, 0, 0, 0, null));
    }

    // ---------------------------------------------------------------- cost

    static final List<String> COST = List.of("workflow", "agent", "model", "executions", "runs", "input_tokens", "output_tokens",
            "cache_read_tokens", "cache_write_tokens", "cost_usd", "unpriced");

    @Test
    void costPerWorkflowAgentAndModelMostExpensiveFirst() {
        assertRows("cost", params(), COST,
                row("alpha", "review", "claude-sonnet-4-5", 3, 2, 3100, 500, 500, 100, "0.0333", 0),
                row("beta", "review", "gpt-4o", 1, 1, 400, 100, null, null, null, 1));
        assertRows("cost", params("from", fixture.at(-11 * DAY), "workflow", "alpha"), COST,
                row("alpha", "review", "claude-sonnet-4-5", 3, 2, 3100, 500, 500, 100, "0.0333", 0),
                row("alpha", "fetch", "claude-haiku-4-5", 1, 1, 50, 5, null, null, "0.0001", 0));
        assertRows("cost", params("to", fixture.at(1500)), COST,
                row("alpha", "review", "claude-sonnet-4-5", 1, 1, 1000, 200, 500, 100, "0.0123", 0));
    }

    // ---------------------------------------------------------------- retention

    static final List<String> RETENTION = List.of("section", "name", "value_count", "first_at", "last_at", "detail");

    @Test
    void retentionTablesRunsAndPurges() {
        List<Object[]> expected = new ArrayList<>(tables());
        expected.add(row("runs", "created", 9, fixture.at(-10 * DAY), fixture.at(9_000_000), null));
        expected.add(row("runs", "ended", 7, fixture.at(-10 * DAY + 500), fixture.at(5_400_000), null));
        expected.add(row("purge", "schedule", 0, fixture.at(2_700_000), null,
                "0 rows, cutoff " + cutoff(-29 * DAY) + ", max runs 10000, not ended"));
        expected.add(row("purge", "cli", 4, fixture.at(-DAY), fixture.at(-DAY + 200),
                "dry run, would delete 37 rows, cutoff " + cutoff(-31 * DAY) + ", max runs 500, 200 ms"));
        expected.add(row("purge", "schedule", 12, fixture.at(-2 * DAY), fixture.at(-2 * DAY + 1500),
                "340 rows, cutoff " + cutoff(-32 * DAY) + ", max runs 10000, 1500 ms, error: lock timeout"));
        assertRows("retention", params(), RETENTION, expected.toArray(Object[][]::new));

        List<Object[]> lastOnly = new ArrayList<>(tables());
        lastOnly.add(row("runs", "created", 9, fixture.at(-10 * DAY), fixture.at(9_000_000), null));
        lastOnly.add(row("runs", "ended", 7, fixture.at(-10 * DAY + 500), fixture.at(5_400_000), null));
        lastOnly.add(row("purge", "schedule", 0, fixture.at(2_700_000), null,
                "0 rows, cutoff " + cutoff(-29 * DAY) + ", max runs 10000, not ended"));
        assertRows("retention", params("purges", 1), RETENTION, lastOnly.toArray(Object[][]::new));
    }

    private List<Object[]> tables() {
        return List.of(
                row("table", "BATCH_STEP_EXECUTION_CONTEXT", 2, null, null, null),
                row("table", "BATCH_STEP_EXECUTION", 2, null, null, null),
                row("table", "BATCH_JOB_EXECUTION_CONTEXT", 1, null, null, null),
                row("table", "BATCH_JOB_EXECUTION_PARAMS", 1, null, null, null),
                row("table", "BATCH_JOB_EXECUTION", 1, null, null, null),
                row("table", "BATCH_JOB_INSTANCE", 1, null, null, null),
                row("table", "P21_CONTEXT_ENTRY", 3, null, null, null),
                row("table", "P21_RUN_CONTEXT", 5, null, null, null),
                row("table", "P21_AGENT_RESULT", 22, null, null, null),
                row("table", "P21_PHASE_RUN", 11, null, null, null),
                row("table", "P21_RUN", 9, null, null, null),
                row("table", "P21_PURGE_TABLE", 3, null, null, null),
                row("table", "P21_PURGE", 3, null, null, null),
                row("table", "P21_RESULT_CACHE", 2, null, null, "1 expired"),
                row("table", "P21_AGENT_HOURLY", 0, null, null, null),
                row("table", "P21_AGENT_DURATION_HOURLY", 0, null, null, null),
                row("table", "P21_RUN_HOURLY", 0, null, null, null));
    }

    private String cutoff(long offsetMs) {
        return CUTOFF.format(fixture.at(offsetMs));
    }

    // ---------------------------------------------------------------- every report

    @Test
    void everyReportRunsWithItsDefaults() {
        for (ReportDefinition report : ReportSqlSupport.all()) {
            ReportSqlSupport.Rows rows = ReportSqlSupport.run(named, report, Map.of(), Instant.now());
            assertThat(rows.columns()).as(report.name()).allMatch(ReportSqlSupport::label).doesNotHaveDuplicates();
            assertThat(rows.values()).as(report.name()).isNotEmpty();
        }
    }

    /**
     * The same SQL again with other parameters on the same connection gives the other rows: H2 2.4 answered a WITH query
     * over a UNION of parameterized parts from its last result (which is why no report uses WITH).
     */
    @Test
    void aReportRunAgainWithOtherParametersIsNotAnsweredFromTheLastResult() {
        Map<String, Object> empty = params("from", fixture.at(100 * DAY), "to", fixture.at(101 * DAY));
        for (ReportDefinition report : ReportSqlSupport.all()) {
            if (report.parameters().stream().noneMatch(p -> p.name().equals("from"))) {
                continue;
            }
            ReportSqlSupport.Rows defaults = ReportSqlSupport.run(named, report, Map.of(), Instant.now());
            ReportSqlSupport.Rows none = ReportSqlSupport.run(named, report, empty, Instant.now());
            assertThat(none.values()).as(report.name()).isNotEqualTo(defaults.values());
            assertThat(ReportSqlSupport.run(named, report, empty, Instant.now())).as(report.name()).isEqualTo(none);
            assertThat(ReportSqlSupport.run(named, report, Map.of(), Instant.now())).as(report.name()).isEqualTo(defaults);
        }
    }

    // ---------------------------------------------------------------- rollups

    /**
     * After the rollup job has added the closed hours, the agent reports and throughput read whole hours from the rollups
     * and the rest of the window from the agent results and runs: counts and sums as before, percentiles of agent
     * durations inside their bucket.
     */
    @Test
    void rolledUpReportsGiveTheSameFiguresAfterTheRollup() {
        JdbcTemplate jdbc = named.getJdbcTemplate();
        List<Map<String, Object>> windows = List.of(params(),
                params("from", fixture.at(-11 * DAY), "to", fixture.at(HOUR)),
                // Partial hours at both ends: agent results before 01:00 and after 02:00, the rollup between.
                params("from", fixture.at(1_800_000), "to", fixture.at(2 * HOUR + 600_000)),
                params("agent", "fetch"));
        List<Sample> before = new ArrayList<>();
        for (String report : List.of("agent-performance", "cache", "slo", "throughput")) {
            for (Map<String, Object> window : windows) {
                if ((report.equals("slo") || report.equals("throughput")) && window.containsKey("agent")) {
                    continue;
                }
                before.add(new Sample(report, window, ReportSqlSupport.run(named, ReportSqlSupport.report(report), window, Instant.now())));
            }
        }
        HourlyRollup rollup = rollup(Duration.ofDays(30));
        Instant now = Instant.now();
        try {
            RollupResult result = rollup.rollUp(now);
            Instant expected = now.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.HOURS);
            assertThat(result.to()).isEqualTo(expected);
            assertThat(rollup.rolledTo()).isEqualTo(expected);
            // From r0's hour, ten days back, with every agent result in: counters by hour, agent, status and tier.
            assertThat(result.from()).isEqualTo(fixture.at(-10 * DAY).truncatedTo(ChronoUnit.HOURS));
            assertThat(jdbc.queryForObject("SELECT SUM(EXECUTIONS) FROM P21_AGENT_HOURLY", Long.class)).isEqualTo(22);
            assertThat(jdbc.queryForObject("SELECT SUM(SAMPLES) FROM P21_AGENT_DURATION_HOURLY", Long.class)).isEqualTo(22);
            // Buckets [low, low + width): width 1 ms below 32 ms, else a sixteenth of the power of two below.
            assertThat(jdbc.queryForList("SELECT BUCKET_LOW, BUCKET_HIGH FROM P21_AGENT_DURATION_HOURLY WHERE AGENT = 'review'"
                    + " AND STATUS = 'FAILED' ORDER BY BUCKET_LOW")).extracting(m -> m.values().stream().map(ReportSqlSupport::text).toList())
                    .containsExactly(List.of("400", "416"), List.of("2432", "2560"));
            // Runs: the rows throughputPerHour expects for r1..r8's hours (r0's, ten days back, is one more).
            assertThat(jdbc.queryForList("SELECT HOUR_START, STARTED, FINISHED, PEAK_CONCURRENT, QUEUE_WAIT_P95_MS FROM P21_RUN_HOURLY"
                    + " WHERE HOUR_START >= ? ORDER BY HOUR_START", fixture.utc(0)))
                    .extracting(m -> m.values().stream().map(ReportSqlSupport::text).toList())
                    .containsExactly(List.of(fixture.at(0).toString(), "3", "2", "1", "950"),
                            List.of(fixture.at(HOUR).toString(), "3", "4", "2", "1900"),
                            List.of(fixture.at(2 * HOUR).toString(), "1", "0", "1", "0"));
            assertThat(rollup.rollUp(now).hours()).as("an hour is added once").isZero();

            for (Sample sample : before) {
                String report = sample.report();
                String key = report + " " + sample.window();
                ReportSqlSupport.Rows rows = sample.rows();
                ReportSqlSupport.Rows after = ReportSqlSupport.run(named, ReportSqlSupport.report(report), sample.window(), Instant.now());
                assertThat(after.columns()).isEqualTo(rows.columns());
                assertThat(after.values()).as(key).hasSameSizeAs(rows.values());
                for (int r = 0; r < rows.values().size(); r++) {
                    for (int c = 0; c < rows.columns().size(); c++) {
                        String column = rows.columns().get(c);
                        String was = rows.values().get(r).get(c);
                        String is = after.values().get(r).get(c);
                        boolean percentile = column.startsWith("p50") || column.startsWith("p95")
                                || report.equals("slo") && c == 3 && "agent_p95_ms".equals(rows.values().get(r).get(0));
                        if (percentile && was != null && is != null) {
                            double exact = Double.parseDouble(was);
                            assertThat(Double.parseDouble(is)).as(key + " " + column).isCloseTo(exact,
                                    Offset.offset(exact / 16 + 1));
                        } else {
                            assertThat(is).as(key + " " + column + " row " + r).isEqualTo(was);
                        }
                    }
                }
            }

            // Whole hours come from the rollup: a counter row there alone shows in the report.
            jdbc.update("INSERT INTO P21_AGENT_HOURLY (HOUR_START, AGENT, STATUS, CACHE_TIER, EXECUTIONS, ATTEMPTS, OUTPUT_BYTES,"
                    + " OUTPUTS) VALUES (?, 'ghost', 'COMPLETED', 'HOT', 3, 3, 30, 3)", fixture.utc(20 * HOUR));
            assertRows("cache", params("agent", "ghost"), CACHE, row("ghost", 3, 0, 0, 3, 0, "1"), row("(all agents)", 3, 0, 0, 3, 0, "1"));

            // Retention: hours older than the max age go.
            long deleted = rollup(Duration.ofHours(20)).rollUp(now).rowsDeleted();
            assertThat(deleted).isPositive();
            assertThat(jdbc.queryForObject("SELECT MIN(HOUR_START) FROM P21_AGENT_HOURLY", OffsetDateTime.class).toInstant())
                    .isAfterOrEqualTo(now.minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.HOURS));
        } finally {
            resetRollup();
        }
    }

    /**
     * However far the rollup has got (nowhere, behind the window, inside it, past its end), the reports give the rows they
     * give from the raw tables alone, over windows of whole hours, part hours, less than an hour, and backwards: every
     * column of cache and throughput, and all but the percentiles of agent-performance.
     */
    @Test
    void theSplitOfTheWindowDoesNotChangeTheRowsWhereverTheRollupHasGot() {
        List<Map<String, Object>> windows = List.of(params(),
                params("from", fixture.at(0), "to", fixture.at(2 * HOUR)),
                params("from", fixture.at(1_800_000), "to", fixture.at(2 * HOUR + 600_000)),
                // Less than an hour inside one hour, and across the start of one.
                params("from", fixture.at(4_500_000), "to", fixture.at(5_100_000)),
                params("from", fixture.at(3_000_000), "to", fixture.at(4_300_000)),
                params("from", fixture.at(2 * HOUR), "to", fixture.at(0)));
        List<String> reports = List.of("cache", "throughput", "agent-performance");
        Map<String, List<List<String>>> raw = new HashMap<>();
        for (String report : reports) {
            for (Map<String, Object> window : windows) {
                raw.put(report + " " + window, exactColumns(report, window));
            }
        }
        assertThat(raw.get("throughput " + windows.get(1))).hasSize(2);
        JdbcTemplate jdbc = named.getJdbcTemplate();
        Instant now = Instant.now();
        try {
            Instant reached = rollup(Duration.ofDays(30)).rollUp(now).to();
            for (Instant mark : List.of(Instant.EPOCH, fixture.at(-5 * DAY), fixture.at(HOUR), fixture.at(2 * HOUR), reached)) {
                jdbc.update("UPDATE P21_ROLLUP SET ROLLED_TO = ? WHERE NAME = 'hourly'", mark.atOffset(ZoneOffset.UTC));
                for (String report : reports) {
                    for (Map<String, Object> window : windows) {
                        String key = report + " " + window;
                        assertThat(exactColumns(report, window)).as(key + " rolled up to " + mark).isEqualTo(raw.get(key));
                    }
                }
            }
        } finally {
            resetRollup();
        }
    }

    /** A report's rows without its percentile columns (which a rolled-up hour gives within its bucket). */
    private List<List<String>> exactColumns(String report, Map<String, Object> window) {
        ReportSqlSupport.Rows rows = ReportSqlSupport.run(named, ReportSqlSupport.report(report), window, Instant.now());
        List<Integer> exact = new ArrayList<>();
        for (int c = 0; c < rows.columns().size(); c++) {
            if (!rows.columns().get(c).matches("p(50|95)_ms")) {
                exact.add(c);
            }
        }
        return rows.values().stream().map(row -> exact.stream().map(row::get).toList()).toList();
    }

    /** Rollups gone and the mark back at "nothing yet", as after the migration. */
    private void resetRollup() {
        JdbcTemplate jdbc = named.getJdbcTemplate();
        jdbc.update("DELETE FROM P21_AGENT_HOURLY");
        jdbc.update("DELETE FROM P21_AGENT_DURATION_HOURLY");
        jdbc.update("DELETE FROM P21_RUN_HOURLY");
        jdbc.update("UPDATE P21_ROLLUP SET ROLLED_TO = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'");
    }

    /** A report's rows over a window, before the rollup. */
    private record Sample(String report, Map<String, Object> window, ReportSqlSupport.Rows rows) {
    }

    private HourlyRollup rollup(Duration maxAge) {
        JdbcTemplate jdbc = named.getJdbcTemplate();
        return new HourlyRollup(jdbc, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new RollupProperties("0 5 * * * ?", Duration.ofMinutes(5), Duration.ofHours(24)),
                new RetentionProperties(maxAge, 10_000, "0 0 3 * * ?", "UTC", 500));
    }

    // ---------------------------------------------------------------- helpers

    static Object[] row(Object... values) {
        return values;
    }

    void assertRows(String name, Map<String, Object> values, List<String> columns, Object[]... rows) {
        ReportSqlSupport.Rows actual = ReportSqlSupport.run(named, ReportSqlSupport.report(name), values, Instant.now());
        assertThat(actual.columns()).as(name + " columns").containsExactlyElementsOf(columns);
        List<List<String>> expected = Arrays.stream(rows).map(r -> Arrays.stream(r).map(ReportSqlSupport::text).toList()).toList();
        assertThat(actual.values()).as(name + " rows with " + values).containsExactlyElementsOf(expected);
    }
}
