package org.perfect21.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small known history for the report tests, the same on H2 and PostgreSQL. Every instant is {@link #base} (30 hours
 * before now, on the hour) plus an offset in ms, so the default windows (the last 7 days) hold all of it but run r0,
 * ten days older. The expected rows in {@link ReportCases} are worked out by hand from the tables below.
 *
 * <pre>
 * run  workflow status     created    started    ended      phases (agents)          error
 * r0   alpha    COMPLETED  -10d       -10d       -10d+500   p0(1) p1#1(1) p1#2(1)
 * r1   alpha    COMPLETED  0          1000       3000       p0(3) p1(2)
 * r2   alpha    COMPLETED  600000     600500     601500     p0(5)
 * r3   alpha    FAILED     3600000    3602000    3606000    p0(2)            phase p0: 1 of 2 agents failed
 * r4   alpha    RUNNING    7200000    7200000    -          p0(1)
 * r5   beta     COMPLETED  1800000    1800000    5400000    p0(5)
 * r6   beta     STOPPED    4200000    4201000    4211000    p0(1)
 * r7   beta     QUEUED     9000000    -          -          -
 * r8   beta     FAILED     5000000    5000300    5001000    p0(1)
 * </pre>
 *
 * <p>Gates: alpha's p1 has one that sends the work back to p1 (repeat, times 1), beta's p0 one that lets a failure
 * through (continue); alpha's p0 has none. A phase row ends with its last agent; p1#2 is r0's p1 in iteration 2.
 *
 * <pre>
 * run  phase  iteration  ended      verdict
 * r0   p1     1          -10d+440   failed: review matches VERDICT: PASS: not found in its output: out
 * r0   p1     2          -10d+490   passed
 * r1   p1     1          2900       passed
 * r5   p0     1          5395000    failed: review matches VERDICT: PASS: not found in its output: out
 * r6   p0     1          4211000    none (stopped before its gate was judged)
 * r8   p0     1          5000950    none (failed before its gate was judged)
 * </pre>
 */
final class ReportFixture {

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    /** On the hour, 30 hours ago: hour buckets are whole offsets from it. */
    final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));

    private final JdbcTemplate jdbc;

    ReportFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Instant at(long offsetMs) {
        return base.plusMillis(offsetMs);
    }

    OffsetDateTime utc(long offsetMs) {
        return at(offsetMs).atOffset(ZoneOffset.UTC);
    }

    void seed() {
        run("r0", "alpha", "COMPLETED", -10 * DAY, -10 * DAY, -10 * DAY + 500, null);
        run("r1", "alpha", "COMPLETED", 0, 1000L, 3000L, null);
        run("r2", "alpha", "COMPLETED", 600_000L, 600_500L, 601_500L, null);
        run("r3", "alpha", "FAILED", HOUR, HOUR + 2000, HOUR + 6000, "phase p0: 1 of 2 agents failed");
        run("r4", "alpha", "RUNNING", 2 * HOUR, 2 * HOUR, null, null);
        run("r5", "beta", "COMPLETED", 1_800_000L, 1_800_000L, 5_400_000L, null);
        run("r6", "beta", "STOPPED", 4_200_000L, 4_201_000L, 4_211_000L, null);
        run("r7", "beta", "QUEUED", 9_000_000L, null, null, null);
        run("r8", "beta", "FAILED", 5_000_000L, 5_000_300L, 5_001_000L, null);

        // run, phase, iteration, ordinal, agents, started, ended
        phase("r0", 0, 1, 1, 1, -10 * DAY, -10 * DAY + 400);
        phase("r0", 1, 1, 2, 1, -10 * DAY + 400, -10 * DAY + 440);
        phase("r0", 1, 2, 3, 1, -10 * DAY + 440, -10 * DAY + 490);
        phase("r1", 0, 1, 1, 3, 1000L, 1300L);
        phase("r1", 1, 1, 2, 2, 2000L, 2900L);
        phase("r2", 0, 1, 1, 5, 600_500L, 601_200L);
        phase("r3", 0, 1, 1, 2, HOUR + 2000, HOUR + 5500);
        phase("r4", 0, 1, 1, 1, 2 * HOUR, null);
        phase("r5", 0, 1, 1, 5, 1_800_000L, 5_395_000L);
        phase("r6", 0, 1, 1, 1, 4_201_000L, 4_211_000L);
        phase("r8", 0, 1, 1, 1, 5_000_300L, 5_000_950L);

        // run, phase, iteration, first failed check (null: passed)
        gate("r0", 1, 1, "review matches VERDICT: PASS: not found in its output: out");
        gate("r0", 1, 2, null);
        gate("r1", 1, 1, null);
        gate("r5", 0, 1, "review matches VERDICT: PASS: not found in its output: out");

        // run, phase, agent index, agent, status, attempts, ended, duration, output bytes, cache tier, error
        agent("r0", 0, 0, "fetch", "COMPLETED", 1, -10 * DAY + 400, 400, 1000, "MISS", null);
        agent("r0", 1, 1, 0, "review", "COMPLETED", 1, -10 * DAY + 440, 40, 500, null, null);
        agent("r0", 1, 2, 0, "review", "COMPLETED", 1, -10 * DAY + 490, 50, 600, null, null);
        agent("r1", 0, 0, "fetch", "COMPLETED", 1, 1100, 100, 1000, "MISS", null);
        agent("r1", 0, 1, "review", "COMPLETED", 1, 1200, 200, 2000, null, null);
        agent("r1", 0, 2, "summarize", "COMPLETED", 1, 1300, 300, 3000, "HOT", null);
        agent("r1", 1, 0, "fetch", "COMPLETED", 1, 2000, 0, 1000, "HOT", null);
        agent("r1", 1, 1, "review", "COMPLETED", 2, 2900, 900, 500, null, null);
        agent("r2", 0, 0, "fetch", "COMPLETED", 1, 600_550, 50, 1000, "WARM", null);
        agent("r2", 0, 1, "review", "FAILED", 3, 600_900, 400, 0, null, "review: timed out after 400 ms");
        agent("r2", 0, 2, "summarize", "COMPLETED", 1, 601_100, 600, 4000, "MISS", null);
        agent("r2", 0, 3, "fetch", "COMPLETED", 1, 600_520, 20, 1000, "COLD", null);
        agent("r2", 0, 4, "review", "COMPLETED", 1, 601_200, 700, 2500, null, null);
        agent("r3", 0, 0, "fetch", "COMPLETED", 1, HOUR + 3000, 1000, 1000, "MISS", null);
        agent("r3", 0, 1, "review", "FAILED", 2, HOUR + 5500, 2500, 0, null, "review: exit code 1");
        agent("r5", 0, 0, "fetch", "COMPLETED", 1, 1_801_500, 1500, 1000, "MISS", null);
        agent("r5", 0, 1, "fetch", "COMPLETED", 1, 1_800_005, 5, 1000, "HOT", null);
        agent("r5", 0, 2, "review", "COMPLETED", 1, 1_803_000, 3000, 6000, null, null);
        agent("r5", 0, 3, "summarize", "COMPLETED", 1, 1_800_800, 800, 2000, "COLD", null);
        agent("r5", 0, 4, "summarize", "COMPLETED", 1, 5_395_000, 5000, 8000, null, null);
        agent("r6", 0, 0, "review", "STOPPED", 1, 4_211_000, 10_000, 0, null, null);
        agent("r8", 0, 0, "fetch", "FAILED", 3, 5_000_950, 650, 0, "MISS", "fetch: HTTP 503");

        // run, phase, agent index, model, input, output, cache read, cache write tokens, cost (US dollars)
        usage("r0", 0, 0, "claude-haiku-4-5", 50L, 5L, null, null, "0.0001");
        usage("r1", 0, 1, "claude-sonnet-4-5", 1000L, 200L, 500L, 100L, "0.0123");
        usage("r1", 1, 1, "claude-sonnet-4-5", 2000L, 300L, null, null, "0.02");
        usage("r2", 0, 1, "claude-sonnet-4-5", 100L, 0L, null, null, "0.001");
        usage("r5", 0, 2, "gpt-4o", 400L, 100L, null, null, null);

        // The figures RunHistory keeps on a run (V10): its duration and queue wait, and its agents once it ended.
        jdbc.update("UPDATE P21_RUN SET"
                + " DURATION_MS = CAST(ROUND((EXTRACT(EPOCH FROM ENDED_AT) - EXTRACT(EPOCH FROM STARTED_AT)) * 1000) AS BIGINT),"
                + " QUEUE_WAIT_MS = CAST(ROUND((EXTRACT(EPOCH FROM STARTED_AT) - EXTRACT(EPOCH FROM CREATED_AT)) * 1000) AS BIGINT),"
                + " AGENTS = CASE WHEN ENDED_AT IS NULL THEN NULL"
                + " ELSE (SELECT SUM(p.AGENTS) FROM P21_PHASE_RUN p WHERE p.RUN_ID = P21_RUN.RUN_ID) END");

        // run, budget, bytes, peak, evictions, cuts
        context("r0", 10_000, 100, 100, 5, 0);
        context("r1", 10_000, 4000, 5000, 0, 0);
        context("r2", 10_000, 9000, 10_000, 2, 0);
        context("r3", 10_000, 1000, 1000, 0, 1);
        context("r5", 20_000, 7000, 8000, 1, 0);
        entry("r1", 0, 0, 0, "fetch");
        entry("r1", 1, 0, 2, "summarize");
        entry("r2", 0, 0, 0, "fetch");

        // One run's Spring Batch rows: an instance, an execution with its parameter and context, two steps.
        LocalDateTime created = at(0).atOffset(ZoneOffset.UTC).toLocalDateTime();
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (1, 0, 'alpha', 'k1')");
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, START_TIME, END_TIME,"
                + " STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED) VALUES (1, 2, 1, ?, ?, ?, 'COMPLETED', 'COMPLETED', '', ?)",
                created, created, created, created);
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE,"
                + " IDENTIFYING) VALUES (1, 'run.id', 'java.lang.String', 'r1', 'Y')");
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION_CONTEXT (JOB_EXECUTION_ID, SHORT_CONTEXT) VALUES (1, '{}')");
        for (int step = 1; step <= 2; step++) {
            jdbc.update("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME,"
                    + " STATUS) VALUES (?, 1, ?, 1, ?, 'COMPLETED')", step, "phase:p" + step, created);
            jdbc.update("INSERT INTO BATCH_STEP_EXECUTION_CONTEXT (STEP_EXECUTION_ID, SHORT_CONTEXT) VALUES (?, '{}')", step);
        }

        // Purges: an old scheduled one that stopped on an error, a dry run, and one that has not ended.
        purge(1, "schedule", false, -2 * DAY, 1500L, -32 * DAY, 10_000, 12, 340, "lock timeout");
        purge(2, "cli", true, -DAY, 200L, -31 * DAY, 500, 4, 37, null);
        purge(3, "schedule", false, 2_700_000L, null, -29 * DAY, 10_000, 0, 0, null);
        jdbc.update("INSERT INTO P21_PURGE_TABLE (PURGE_ID, TABLE_NAME, ROWS_DELETED) VALUES (1, 'P21_AGENT_RESULT', 300)");
        jdbc.update("INSERT INTO P21_PURGE_TABLE (PURGE_ID, TABLE_NAME, ROWS_DELETED) VALUES (1, 'P21_PHASE_RUN', 28)");
        jdbc.update("INSERT INTO P21_PURGE_TABLE (PURGE_ID, TABLE_NAME, ROWS_DELETED) VALUES (1, 'P21_RUN', 12)");

        // The cold cache tier: one entry expired a day ago, one that expires in 30 days.
        cacheEntry("k-expired", "fetch", -DAY);
        cacheEntry("k-live", "summarize", 30 * DAY);
    }

    private void run(String id, String workflow, String status, long created, Long started, Long ended, String error) {
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, PARAMS, CREATED_AT, STARTED_AT, ENDED_AT, ERROR, ORIGIN)"
                        + " VALUES (?, ?, ?, '{}', ?, ?, ?, ?, 'api')", id, workflow, status, utc(created),
                started == null ? null : utc(started), ended == null ? null : utc(ended), error);
    }

    private void phase(String run, int index, int iteration, int ordinal, int agents, long started, Long ended) {
        jdbc.update("INSERT INTO P21_PHASE_RUN (RUN_ID, PHASE_INDEX, ITERATION, ORDINAL, PHASE, STATUS, AGENTS, SUCCEEDED, FAILED,"
                        + " REQUIRED, AGENT_NAMES, STARTED_AT, ENDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, '', ?, ?)", run, index,
                iteration, ordinal, "p" + index, ended == null ? "RUNNING" : "COMPLETED", agents, agents, utc(started),
                ended == null ? null : utc(ended));
    }

    /** A phase's gate verdict, as PhaseGate records it: passed when {@code failure} is null, else its first failed check. */
    private void gate(String run, int phase, int iteration, String failure) {
        String check = "{\"check\":\"review matches VERDICT: PASS\",\"passed\":" + (failure == null) + ",\"detail\":\"out\"}";
        jdbc.update("UPDATE P21_PHASE_RUN SET GATE = ?, GATE_PASSED = ?, GATE_FAILURE = ? WHERE RUN_ID = ? AND PHASE_INDEX = ?"
                        + " AND ITERATION = ?", "{\"passed\":" + (failure == null) + ",\"checks\":[" + check + "]}", failure == null,
                failure, run, phase, iteration);
    }

    private void agent(String run, int phase, int index, String agent, String status, int attempts, long ended, long duration,
                       long outputBytes, String tier, String error) {
        agent(run, phase, 1, index, agent, status, attempts, ended, duration, outputBytes, tier, error);
    }

    private void agent(String run, int phase, int iteration, int index, String agent, String status, int attempts, long ended,
                       long duration, long outputBytes, String tier, String error) {
        boolean hit = tier != null && !tier.equals("MISS");
        jdbc.update("INSERT INTO P21_AGENT_RESULT (RUN_ID, PHASE_INDEX, ITERATION, AGENT_INDEX, PHASE, AGENT, KIND, STATUS, ATTEMPTS,"
                        + " STARTED_AT, ENDED_AT, DURATION_MS, OUTPUT_BYTES, OUTPUT, CACHE_HIT, CACHE_TIER, ERROR)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'simulated', ?, ?, ?, ?, ?, ?, 'out', ?, ?, ?)",
                run, phase, iteration, index, "p" + phase, agent, status, attempts, utc(ended - duration), utc(ended), duration,
                outputBytes, hit, tier, error);
    }

    private void usage(String run, int phase, int index, String model, Long input, Long output, Long cacheRead, Long cacheWrite,
                       String cost) {
        jdbc.update("UPDATE P21_AGENT_RESULT SET MODEL = ?, INPUT_TOKENS = ?, OUTPUT_TOKENS = ?, CACHE_READ_TOKENS = ?,"
                        + " CACHE_WRITE_TOKENS = ?, COST = ? WHERE RUN_ID = ? AND PHASE_INDEX = ? AND AGENT_INDEX = ?",
                model, input, output, cacheRead, cacheWrite, cost == null ? null : new java.math.BigDecimal(cost), run, phase, index);
    }

    private void context(String run, long budget, long bytes, long peak, int evictions, int cuts) {
        jdbc.update("INSERT INTO P21_RUN_CONTEXT (RUN_ID, BUDGET_BYTES, BUDGET_TOKENS, BYTES, TOKENS, ENTRIES, EVICTIONS, CUTS,"
                        + " PEAK_BYTES, PHASES_COMMITTED, UPDATED_AT) VALUES (?, ?, 1000, ?, 10, 1, ?, ?, ?, 1, ?)",
                run, budget, bytes, evictions, cuts, peak, utc(0));
    }

    private void entry(String run, int seq, int phase, int agentIndex, String agent) {
        jdbc.update("INSERT INTO P21_CONTEXT_ENTRY (RUN_ID, SEQ, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, BYTES, TOKENS, CUT)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'simulated', 100, 25, FALSE)", run, seq, phase, agentIndex, "p" + phase, agent);
    }

    private void purge(long id, String trigger, boolean dryRun, long started, Long duration, long cutoff, int maxRuns, long runs,
                       long rows, String error) {
        jdbc.update("INSERT INTO P21_PURGE (ID, TRIGGERED_BY, DRY_RUN, STARTED_AT, ENDED_AT, DURATION_MS, CUTOFF, MAX_RUNS,"
                        + " RUNS_DELETED, ROWS_DELETED, ERROR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, trigger, dryRun, utc(started), duration == null ? null : utc(started + duration), duration, utc(cutoff), maxRuns,
                runs, rows, error);
    }

    private void cacheEntry(String key, String agent, long expires) {
        jdbc.update("INSERT INTO P21_RESULT_CACHE (CACHE_KEY, AGENT, OUTPUT, OUTPUT_BYTES, OUTPUT_TRUNCATED, CREATED_AT, EXPIRES_AT)"
                + " VALUES (?, ?, 'out', 3, FALSE, ?, ?)", key, agent, utc(-2 * DAY), utc(expires));
    }
}
