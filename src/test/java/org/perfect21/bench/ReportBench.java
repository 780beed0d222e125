package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.perfect21.testing.Migrations;
import org.perfect21.report.ReportCatalog;
import org.perfect21.report.ReportDefinition;
import org.perfect21.report.ReportProperties;
import org.perfect21.report.ReportRunner;
import org.perfect21.retention.RetentionProperties;
import org.perfect21.rollup.HourlyRollup;
import org.perfect21.rollup.RollupProperties;
import org.perfect21.rollup.RollupResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin reports (db/reports) on a generated history: {@link #RUNS} runs of {@link #AGENTS_PER_RUN} agents (two phases
 * of five), created over the last {@link #SPREAD_DAYS} days so the default windows (the last 7 days) hold all of it, in
 * an H2 file database of its own, migrated by the application's Flyway scripts. Each report runs with its default
 * parameters, {@link #WARM_UPS} times to warm up, then {@link #REPETITIONS} times; the median is held against {@link #TARGET_MS}.
 *
 * <p>The history, from a fixed seed: workflows wf-0..wf-4, agents agent-0..agent-9 (by position), agent durations 20 ms
 * to 1.5 s with one in fifty up to 6 s, queue waits up to 2 s; 3 % of runs fail (one agent failed, with an error), 1 %
 * stop; 60 % of agents are cacheable, of those 25 % hot, 10 % warm and 15 % cold hits; 30 % of runs have a context row,
 * a third of those at their budget; the last 20 runs are still running (no end, agents pending). The Spring Batch tables
 * stay empty (the retention report counts them; a count does not depend on their size on H2). The hours that closed
 * before the history's end are rolled up first, as the hourly rollup job would have done.
 */
final class ReportBench {

    static final int RUNS = 100_000;
    static final int AGENTS_PER_RUN = 10;
    static final int SPREAD_DAYS = 6;
    static final int REPETITIONS = 7;
    // A server's JIT has long compiled H2's query paths; a fresh bench JVM has not (the first report paid for it).
    static final int WARM_UPS = 3;
    static final long TARGET_MS = 1000;
    private static final int RUNNING = 20;
    private static final int RUNS_PER_TRANSACTION = 1000;
    private static final String[] TIERS = {"HOT", "WARM", "COLD"};

    /**
     * One report: rows returned, and the wall time of each measured execution, with its defaults (the last 7 days, the
     * whole history) and with {@code from=now-24h} (a sixth of it; null for a report without {@code from}).
     */
    record Sample(String report, int rows, List<Long> nanos, List<Long> dayNanos) {

        double medianMs() {
            return Stats.median(nanos, n -> n / 1e6);
        }

        double dayMedianMs() {
            return dayNanos == null ? Double.NaN : Stats.median(dayNanos, n -> n / 1e6);
        }

        boolean pass() {
            return medianMs() < TARGET_MS;
        }
    }

    /** The section's figures. */
    record Result(long runs, long agentRows, long generateMillis, long rolledHours, RollupRows rollupRows, long rollupMillis,
                  double percentileDeviation, String database, List<Sample> samples) {

        /** The report's section. */
        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## Admin reports");
            lines.add("");
            lines.add(String.format("The SQL reports of `db/reports` with their default parameters (the last 7 days) on a generated"
                    + " history of %,d runs and %,d agent results (%s), generated in %.1f s. Each report runs %d times to warm up,"
                    + " then %d times measured, through the engine (`ReportRunner`: read-only transaction, bound parameters) on one"
                    + " connection; the median of the %d measured runs is held against the target of %d ms.", runs, agentRows, database,
                    generateMillis / 1000.0, WARM_UPS, REPETITIONS, REPETITIONS, TARGET_MS));
            lines.add("");
            lines.add(String.format("Before the reports run, the rollup job's work on a live platform is done once: the %d hours that closed at"
                    + " least 5 minutes before the history's end are rolled up (`HourlyRollup`) into %,d rows (%,d of `P21_AGENT_HOURLY`,"
                    + " %,d of `P21_AGENT_DURATION_HOURLY`, %,d of `P21_RUN_HOURLY`), in %.1f s (%.0f ms an hour; the job adds one hour"
                    + " an hour). The agent reports (agent-performance, cache, slo) read those hours from the rollups and the rest of"
                    + " the window, under 65 minutes, from the agent results; throughput reads them from `P21_RUN_HOURLY` and the"
                    + " rest from the runs.", rolledHours, rollupRows.total(), rollupRows.agentHourly(), rollupRows.durationHourly(),
                    rollupRows.runHourly(), rollupMillis / 1000.0, rolledHours == 0 ? 0.0 : (double) rollupMillis / rolledHours));
            lines.add("");
            lines.add(String.format("Percentiles read from the rollups against exact ones (`PERCENTILE_CONT` over every agent result of the"
                    + " window, per agent, p50 and p95): off by at most **%.2f %%** (bound: 6.25 %%, a bucket's width).",
                    percentileDeviation * 100));
            lines.add("");
            lines.add("| Report | Rows | Median ms | Min ms | Max ms | Target < " + TARGET_MS + " ms | Median ms, from=now-24h |");
            lines.add("|---|---:|---:|---:|---:|---|---:|");
            for (Sample sample : samples) {
                lines.add(String.format("| %s | %d | %.0f | %.0f | %.0f | %s | %s |", sample.report(), sample.rows(), sample.medianMs(),
                        sample.nanos().stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                        sample.nanos().stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                        sample.pass() ? "**PASS**" : "**FAIL**",
                        Double.isNaN(sample.dayMedianMs()) ? "–" : String.format("%.0f", sample.dayMedianMs())));
            }
            lines.add("");
            lines.add("The cost follows the window, not the size of the history: the last column runs the same reports over the"
                    + " last 24 hours of the same database (a sixth of its rows).");
            lines.add("");
            return lines;
        }
    }

    /** Rows in each rollup table after the rollup. */
    record RollupRows(long agentHourly, long durationHourly, long runHourly) {

        long total() {
            return agentHourly + durationHourly + runHourly;
        }
    }

    private ReportBench() {
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Generates the history in {@code scratch}/reports-bench and runs every report. */
    static Result measure(Path scratch) throws Exception {
        Path dir = scratch.resolve("reports-bench");
        Files.createDirectories(dir);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("perfect21").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=128", "sa", "", true);
        try {
            Migrations.migrateH2(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long began = System.nanoTime();
            Instant now = Instant.now();
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            generate(jdbc, transaction, now);
            long generateMillis = (System.nanoTime() - began) / 1_000_000;
            // What the hourly rollup job has done by now on a live platform: every hour that closed 5 minutes ago.
            long rollupBegan = System.nanoTime();
            RollupResult rolled = new HourlyRollup(jdbc, transaction, new RollupProperties("0 5 * * * ?", Duration.ofMinutes(5),
                    Duration.ofHours(24)), new RetentionProperties(Duration.ofDays(30), 1_000_000, "0 0 3 * * ?", "UTC", 500)).rollUp(now);
            long rollupMillis = (System.nanoTime() - rollupBegan) / 1_000_000;
            jdbc.execute("ANALYZE");
            long agentRows = jdbc.queryForObject("SELECT COUNT(*) FROM P21_AGENT_RESULT", Long.class);
            String version = jdbc.queryForObject("SELECT H2VERSION()", String.class);
            RollupRows rollupRows = new RollupRows(count(jdbc, "P21_AGENT_HOURLY"), count(jdbc, "P21_AGENT_DURATION_HOURLY"),
                    count(jdbc, "P21_RUN_HOURLY"));
            BenchmarkMain.log(String.format("reports: generated %d runs, %d agent rows in %d ms; rolled %d hours up into %d rows"
                    + " (agent %d, duration %d, run %d) in %d ms", RUNS, agentRows, generateMillis, rolled.hours(), rollupRows.total(),
                    rollupRows.agentHourly(), rollupRows.durationHourly(), rollupRows.runHourly(), rollupMillis));
            ReportCatalog catalog = new ReportCatalog();
            ReportRunner runner = new ReportRunner(catalog, dataSource, new DataSourceTransactionManager(dataSource),
                    new ReportProperties(10_000, Duration.ofMinutes(5)));
            List<Sample> samples = new ArrayList<>();
            for (ReportDefinition report : catalog.all()) {
                for (int i = 0; i < WARM_UPS; i++) {
                    runner.run(report.name(), Map.of());
                }
                List<Long> nanos = new ArrayList<>();
                int rows = 0;
                for (int i = 0; i < REPETITIONS; i++) {
                    long start = System.nanoTime();
                    rows = runner.run(report.name(), Map.of()).rows().size();
                    nanos.add(System.nanoTime() - start);
                }
                List<Long> dayNanos = null;
                if (report.parameter("from") != null) {
                    dayNanos = new ArrayList<>();
                    for (int i = 0; i < WARM_UPS; i++) {
                        runner.run(report.name(), Map.of("from", "now-24h"));
                    }
                    for (int i = 0; i < REPETITIONS; i++) {
                        long start = System.nanoTime();
                        runner.run(report.name(), Map.of("from", "now-24h"));
                        dayNanos.add(System.nanoTime() - start);
                    }
                }
                Sample sample = new Sample(report.name(), rows, nanos, dayNanos);
                samples.add(sample);
                BenchmarkMain.log(String.format("report %s: %d rows, median %.0f ms", report.name(), rows, sample.medianMs()));
            }
            double deviation = percentileDeviation(jdbc, runner);
            BenchmarkMain.log(String.format("reports: rolled-up percentiles off PERCENTILE_CONT by at most %.2f %%", deviation * 100));
            return new Result(RUNS, agentRows, generateMillis, rolled.hours(), rollupRows, rollupMillis, deviation,
                    "H2 " + version + " file database", samples);
        } finally {
            dataSource.destroy();
        }
    }

    /**
     * The largest relative difference between agent-performance's p50/p95 (rollups and agent results) and exact
     * PERCENTILE_CONT over the agent results of the same window, per agent.
     */
    private static double percentileDeviation(JdbcTemplate jdbc, ReportRunner runner) {
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(7));
        Map<String, Object[]> exact = new java.util.HashMap<>();
        jdbc.query("SELECT AGENT, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DURATION_MS),"
                + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY DURATION_MS) FROM P21_AGENT_RESULT"
                + " WHERE ENDED_AT >= ? AND ENDED_AT < ? GROUP BY AGENT", rs -> {
                    exact.put(rs.getString(1), new Object[] {rs.getDouble(2), rs.getDouble(3)});
                }, utc(from), utc(to));
        double worst = 0;
        for (Map<String, Object> row : runner.run("agent-performance", Map.of("from", from.toString(), "to", to.toString())).rows()) {
            Object[] expected = exact.get((String) row.get("agent"));
            double p50 = ((Number) row.get("p50_ms")).doubleValue();
            double p95 = ((Number) row.get("p95_ms")).doubleValue();
            worst = Math.max(worst, Math.abs(p50 - (double) expected[0]) / (double) expected[0]);
            worst = Math.max(worst, Math.abs(p95 - (double) expected[1]) / (double) expected[1]);
        }
        return worst;
    }

    /** Writes the history: per transaction, each table's rows as JDBC batches. */
    static void generate(JdbcTemplate jdbc, TransactionTemplate transaction, Instant now) {
        Random random = new Random(21);
        Instant first = now.minus(Duration.ofDays(SPREAD_DAYS));
        long spacingMs = Duration.ofDays(SPREAD_DAYS).toMillis() / RUNS;
        for (int from = 0; from < RUNS; from += RUNS_PER_TRANSACTION) {
            int start = from;
            transaction.executeWithoutResult(status -> {
                List<Object[]> runs = new ArrayList<>();
                List<Object[]> phases = new ArrayList<>();
                List<Object[]> agents = new ArrayList<>();
                List<Object[]> contexts = new ArrayList<>();
                for (int i = start; i < Math.min(RUNS, start + RUNS_PER_TRANSACTION); i++) {
                    run(i, first.plusMillis(i * spacingMs), i >= RUNS - RUNNING, random, runs, phases, agents, contexts);
                }
                jdbc.batchUpdate("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, PARAMS, CREATED_AT, STARTED_AT, ENDED_AT, ERROR, ORIGIN,"
                        + " DURATION_MS, QUEUE_WAIT_MS, AGENTS) VALUES (?, ?, ?, '{}', ?, ?, ?, ?, 'api', ?, ?, ?)", runs);
                jdbc.batchUpdate("INSERT INTO P21_PHASE_RUN (RUN_ID, PHASE_INDEX, PHASE, STATUS, AGENTS, SUCCEEDED, FAILED, REQUIRED,"
                        + " AGENT_NAMES, STARTED_AT, ENDED_AT, ORDINAL) VALUES (?, ?, ?, ?, 5, ?, ?, 5, ?, ?, ?, ?)", phases);
                jdbc.batchUpdate("INSERT INTO P21_AGENT_RESULT (RUN_ID, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, STATUS, ATTEMPTS,"
                        + " STARTED_AT, ENDED_AT, DURATION_MS, OUTPUT_BYTES, OUTPUT, CACHE_HIT, CACHE_TIER, ERROR)"
                        + " VALUES (?, ?, ?, ?, ?, 'simulated', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", agents);
                jdbc.batchUpdate("INSERT INTO P21_RUN_CONTEXT (RUN_ID, BUDGET_BYTES, BUDGET_TOKENS, BYTES, TOKENS, ENTRIES, EVICTIONS,"
                        + " CUTS, PEAK_BYTES, PHASES_COMMITTED, UPDATED_AT) VALUES (?, 65536, 16384, ?, ?, ?, ?, ?, ?, 2, ?)", contexts);
            });
        }
    }

    private static void run(int i, Instant created, boolean running, Random random, List<Object[]> runs, List<Object[]> phases,
                            List<Object[]> agents, List<Object[]> contexts) {
        String runId = "bench-%08d".formatted(i);
        int roll = random.nextInt(100);
        String status = running ? "RUNNING" : roll < 3 ? "FAILED" : roll < 4 ? "STOPPED" : "COMPLETED";
        Instant started = created.plusMillis(random.nextInt(2000));
        Instant at = started;
        // Short: real outputs are mostly longer than H2 keeps in the row, which then holds only a small LOB reference.
        String output = "output of agent in " + runId;
        for (int p = 0; p < 2; p++) {
            Instant phaseStart = at;
            long longest = 0;
            int failed = 0;
            List<String> names = new ArrayList<>();
            for (int a = 0; a < 5; a++) {
                int index = p * 5 + a;
                names.add("agent-" + index);
                if (running) {
                    continue;
                }
                long duration = random.nextInt(50) == 0 ? 1500 + random.nextInt(4500) : 20 + random.nextInt(1480);
                String agentStatus = "COMPLETED";
                String error = null;
                if (status.equals("FAILED") && p == 1 && a == 0) {
                    agentStatus = "FAILED";
                    error = "agent-" + index + ": exit code " + (1 + random.nextInt(3));
                    failed++;
                } else if (status.equals("STOPPED") && p == 1) {
                    agentStatus = "STOPPED";
                }
                String tier = null;
                if (random.nextInt(100) < 60) {
                    int hit = random.nextInt(100);
                    tier = hit < 25 ? TIERS[0] : hit < 35 ? TIERS[1] : hit < 50 ? TIERS[2] : "MISS";
                    if (!tier.equals("MISS")) {
                        duration = random.nextInt(tier.equals("COLD") ? 20 : 3);
                    }
                }
                longest = Math.max(longest, duration);
                Instant ended = phaseStart.plusMillis(duration);
                agents.add(new Object[] {runId, p, a, "p" + p, "agent-" + index, agentStatus, agentStatus.equals("FAILED") ? 3 : 1,
                        utc(phaseStart), utc(ended), duration, 200L + random.nextInt(20_000), output,
                        tier != null && !tier.equals("MISS"), tier, error});
            }
            at = phaseStart.plusMillis(longest + 5);
            phases.add(new Object[] {runId, p, "p" + p, running ? "RUNNING" : status, running ? 0 : 5 - failed, failed,
                    String.join("\n", names), utc(phaseStart), running ? null : utc(at), p + 1});
        }
        Instant ended = running ? null : at.plusMillis(10);
        // The figures RunHistory keeps on the run row: duration and agents once it ended, queue wait once it started.
        runs.add(new Object[] {runId, "wf-" + (i % 5), status, utc(created), utc(started), utc(ended),
                status.equals("FAILED") ? "phase p1: 1 of 5 agents failed" : null,
                ended == null ? null : Duration.between(started, ended).toMillis(), Duration.between(created, started).toMillis(),
                ended == null ? null : AGENTS_PER_RUN});
        if (!running && random.nextInt(10) < 3) {
            boolean atBudget = random.nextInt(3) == 0;
            long bytes = atBudget ? 60_000 + random.nextInt(5000) : 5000 + random.nextInt(40_000);
            contexts.add(new Object[] {runId, bytes, bytes / 4, 10, atBudget ? 1 + random.nextInt(4) : 0,
                    atBudget && random.nextBoolean() ? 1 : 0, bytes + random.nextInt(2000), utc(ended)});
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
