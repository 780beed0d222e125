package org.perfect21.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.perfect21.agent.RunWorkspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge: deletes whole terminal runs past {@code perfect21.retention.max-age} or beyond the
 * newest {@code max-runs} runs (see {@link RetentionPolicy}), {@code batch-size} runs per transaction, so a
 * large purge never holds long locks or a huge transaction, and what was deleted stays deleted if it stops
 * half-way. Queued, starting and running runs are never touched. Each purge is recorded; a dry run walks
 * the same runs and counts instead of deleting. A purged run's workspace ({@link RunWorkspaces}) goes with it.
 */
@Component
public class RunPurger {

    /** Every table a purge deletes from, in the order it reports them. */
    public static final List<String> TABLES = Stream.concat(PurgeBatch.TABLES.stream(), PurgeRecords.TABLES.stream()).toList();

    private static final Logger log = LoggerFactory.getLogger(RunPurger.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PurgeRecords records;
    private final RetentionProperties properties;
    private final RunWorkspaces workspaces;
    // One purge at a time per process; two would only wait for each other's row locks.
    private final ReentrantLock running = new ReentrantLock();

    public RunPurger(JdbcTemplate jdbc, TransactionTemplate transaction, PurgeRecords records, RetentionProperties properties,
                     RunWorkspaces workspaces) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.records = records;
        this.properties = properties;
        this.workspaces = workspaces;
    }

    /**
     * Purges the run history now (with {@code dryRun}, only counts what would go) and records it.
     *
     * @throws PurgeInProgressException when a purge is running in this process already
     */
    public PurgeReport purge(PurgeTrigger trigger, boolean dryRun) {
        if (!running.tryLock()) {
            throw new PurgeInProgressException();
        }
        try {
            return purgeNow(trigger, dryRun);
        } finally {
            running.unlock();
        }
    }

    private PurgeReport purgeNow(PurgeTrigger trigger, boolean dryRun) {
        Instant started = Instant.now();
        long clock = System.nanoTime();
        RetentionPolicy policy = RetentionPolicy.at(started, properties, jdbc);
        long id = records.start(trigger, dryRun, started, policy.cutoff(), properties.maxRuns());
        Deletion deletion = new Deletion(jdbc, dryRun);
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, 0L));
        try {
            RetentionPolicy.RunKey after = null;
            List<RetentionPolicy.RunKey> window;
            while (!(window = policy.window(jdbc, after, properties.batchSize())).isEmpty()) {
                List<RetentionPolicy.RunKey> batch = window;
                List<String> purged = new ArrayList<>();
                Map<String, Long> removed = transaction.execute(status -> {
                    List<RetentionPolicy.Candidate> runs = policy.candidates(jdbc, batch, !dryRun);
                    runs.forEach(run -> purged.add(run.runId()));
                    return runs.isEmpty() ? Map.<String, Long>of() : PurgeBatch.remove(jdbc, deletion, runs);
                });
                removed.forEach((table, count) -> rows.merge(table, count, Long::sum));
                if (!dryRun) {
                    // After the commit: a workspace is only removed once its run's rows are gone for good.
                    workspaces.remove(purged);
                }
                after = window.get(window.size() - 1);
            }
            records.removeBefore(deletion, policy.cutoff()).forEach((table, count) -> rows.merge(table, count, Long::sum));
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Purge {} stopped after deleting {} runs: {}", id, rows.get("P21_RUN"), error);
            try {
                records.finish(report(id, trigger, dryRun, started, clock, policy, rows, error));
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
            throw e;
        }
        PurgeReport report = report(id, trigger, dryRun, started, clock, policy, rows, null);
        records.finish(report);
        log.info("Purge {} ({}{}): {} runs, {} rows in {} ms", id, trigger.label(), dryRun ? ", dry run" : "",
                report.runsDeleted(), report.rowsDeleted(), report.durationMs());
        return report;
    }

    private PurgeReport report(long id, PurgeTrigger trigger, boolean dryRun, Instant started, long clock,
                               RetentionPolicy policy, Map<String, Long> rows, String error) {
        long millis = (System.nanoTime() - clock) / 1_000_000;
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        return new PurgeReport(id, trigger.label(), dryRun, started, started.plusMillis(millis), millis, policy.cutoff(),
                properties.maxRuns(), rows.get("P21_RUN"), total, Collections.unmodifiableMap(new LinkedHashMap<>(rows)), error);
    }
}
