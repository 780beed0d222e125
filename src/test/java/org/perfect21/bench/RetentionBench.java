package org.perfect21.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.Perfect21Application;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunStatus;
import org.perfect21.retention.PurgeReport;
import org.perfect21.retention.PurgeTrigger;
import org.perfect21.retention.RunHistoryFixture;
import org.perfect21.retention.RunPurger;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge: its throughput on a generated history, and the heap of a process running many real
 * runs with retention on. Each part has its own context and database in the scratch directory.
 */
final class RetentionBench {

    /** Runs and agents per run of the generated history: 100,000 agent rows. */
    static final int HISTORY_RUNS = 10_000;
    static final int AGENTS_PER_RUN = 10;
    /** Stored output per generated agent. */
    static final int OUTPUT_BYTES = 1024;
    /** max-runs while real runs execute; the scheduled purge fires every second. */
    static final int MAX_RUNS = 500;
    static final int HEAP_CLIENTS = 8;

    /** One purge of the generated history. */
    record PurgeSample(long runs, long rows, long millis, long generateMillis) {
        double runsPerSecond() {
            return runs / (millis / 1000.0);
        }

        double rowsPerSecond() {
            return rows / (millis / 1000.0);
        }
    }

    /** Heap used after GC once {@code runs} runs have completed, with the history rows left at that point. */
    record HeapSample(int runs, long heapBytes, long runRows, long agentRows, long purges, long runsPurged) {
    }

    private RetentionBench() {
    }

    /**
     * Generates the history and purges all of it (every run ended 60 days ago, past the default 30d), {@code repetitions}
     * times, after a warm-up on a tenth of it.
     */
    static List<PurgeSample> purgeThroughput(Path scratch, int repetitions) {
        List<PurgeSample> samples = new ArrayList<>();
        try (ConfigurableApplicationContext context = context(scratch.resolve("retention-purge-data"), scratch.resolve("jobs"),
                "perfect21.retention.cron=0 0 3 1 1 ? 2099")) {
            RunHistoryFixture fixture = new RunHistoryFixture(context.getBean(JdbcTemplate.class),
                    context.getBean(TransactionTemplate.class));
            RunPurger purger = context.getBean(RunPurger.class);
            purge(fixture, purger, HISTORY_RUNS / 10);
            for (int rep = 0; rep < repetitions; rep++) {
                PurgeSample sample = purge(fixture, purger, HISTORY_RUNS);
                samples.add(sample);
                BenchmarkMain.log(String.format("purge: %d runs, %d rows in %d ms (%.0f runs/s); generated in %d ms",
                        sample.runs(), sample.rows(), sample.millis(), sample.runsPerSecond(), sample.generateMillis()));
            }
        }
        return samples;
    }

    private static PurgeSample purge(RunHistoryFixture fixture, RunPurger purger, int runs) {
        fixture.clear();
        long generate = System.nanoTime();
        fixture.insert(history(runs), 1_000_000L);
        long generateMillis = (System.nanoTime() - generate) / 1_000_000;
        BenchmarkMain.heapUsedAfterGc();
        PurgeReport report = purger.purge(PurgeTrigger.CLI, false);
        if (report.runsDeleted() != runs) {
            throw new IllegalStateException("purged " + report.runsDeleted() + " of " + runs + " runs");
        }
        return new PurgeSample(report.runsDeleted(), report.rowsDeleted(), report.durationMs(), generateMillis);
    }

    private static List<RunHistoryFixture.Run> history(int count) {
        Instant start = Instant.now().minus(Duration.ofDays(60));
        List<RunHistoryFixture.Run> runs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant created = start.plusMillis(i * 100L);
            runs.add(new RunHistoryFixture.Run("bench-%08d".formatted(i), "bench", "COMPLETED", created, created.plusMillis(50),
                    1, 1, AGENTS_PER_RUN, true, OUTPUT_BYTES));
        }
        return runs;
    }

    /**
     * Runs the no-op workload through {@link WorkflowRunner} from {@link #HEAP_CLIENTS} threads, with max-runs
     * {@link #MAX_RUNS} and the scheduled purge firing every second, and takes the heap after GC at each
     * checkpoint (a number of completed runs).
     */
    static List<HeapSample> heapWithRetention(Path scratch, Path jobs, Workload workload, List<Integer> checkpoints)
            throws Exception {
        List<HeapSample> samples = new ArrayList<>();
        try (ConfigurableApplicationContext context = context(scratch.resolve("retention-heap-data"), jobs,
                "perfect21.retention.max-runs=" + MAX_RUNS, "perfect21.retention.cron=* * * * * ?",
                // The scheduler runs in this process like in the server.
                "spring.quartz.auto-startup=true")) {
            WorkflowRunner runner = context.getBean(WorkflowRunner.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            WorkflowDefinition workflow = context.getBean(DefinitionLoader.class).load(jobs).workflow(workload.name()).orElseThrow();
            AtomicInteger done = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(HEAP_CLIENTS);
            try {
                for (int checkpoint : checkpoints) {
                    List<Future<?>> batch = new ArrayList<>();
                    for (int c = 0; c < HEAP_CLIENTS; c++) {
                        batch.add(clients.submit(() -> {
                            while (done.getAndIncrement() < checkpoint) {
                                if (runner.execute(workflow, Map.of()).status() != RunStatus.COMPLETED) {
                                    throw new IllegalStateException("a no-op run did not complete");
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : batch) {
                        f.get();
                    }
                    done.set(checkpoint);
                    long heap = BenchmarkMain.heapUsedAfterGc();
                    Map<String, Object> purges = jdbc.queryForMap("SELECT COUNT(*) AS N, COALESCE(SUM(RUNS_DELETED), 0) AS RUNS"
                            + " FROM P21_PURGE WHERE TRIGGERED_BY = 'schedule' AND ENDED_AT IS NOT NULL");
                    HeapSample sample = new HeapSample(checkpoint, heap, count(jdbc, "P21_RUN"), count(jdbc, "P21_AGENT_RESULT"),
                            ((Number) purges.get("N")).longValue(), ((Number) purges.get("RUNS")).longValue());
                    samples.add(sample);
                    BenchmarkMain.log(String.format("heap after %d runs: %d MB, %d runs and %d agent rows left, %d purges",
                            checkpoint, heap / (1024 * 1024), sample.runRows(), sample.agentRows(), sample.purges()));
                }
            } finally {
                clients.shutdownNow();
            }
        }
        return samples;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static ConfigurableApplicationContext context(Path data, Path jobs, String... properties) {
        List<String> all = new ArrayList<>(List.of("perfect21.data-dir=" + data, "perfect21.jobs-dir=" + jobs,
                "logging.level.root=WARN", "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(Perfect21Application.class)
                .web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .run();
    }
}
