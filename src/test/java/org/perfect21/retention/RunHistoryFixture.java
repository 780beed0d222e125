package org.perfect21.retention;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes run histories quickly, in JDBC batches: for each run the rows a real one leaves (a Spring Batch job
 * instance keyed by {@code run.id}, its executions with parameters and contexts, a manager and a worker step
 * execution per phase with contexts, and the platform's run, phase and agent rows with stored output), with
 * consistent ids. Batch ids start at {@code idBase}, far above the ids real runs take from Batch's sequences.
 */
public final class RunHistoryFixture {

    /** The tables a run has rows in (the purge's tables without its own records). */
    public static final List<String> RUN_TABLES = List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE",
            "P21_AGENT_RESULT", "P21_PHASE_RUN", "P21_PHASE_SELECTION", "P21_RUN");

    private static final int JDBC_BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public RunHistoryFixture(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * One generated run.
     *
     * @param endedAt          null for runs that have not ended
     * @param executions       job executions of its instance (more than one: it was restarted)
     * @param recordsInstance  whether P21_RUN holds the job ids (false: the process died before it recorded them)
     * @param outputBytes      stored output per agent
     */
    public record Run(String runId, String workflow, String status, Instant createdAt, Instant endedAt, int executions,
                      int phases, int agentsPerPhase, boolean recordsInstance, int outputBytes) {

        public boolean terminal() {
            return List.of("COMPLETED", "FAILED", "STOPPED").contains(status);
        }

        /** The rows this run has in each table. */
        public Map<String, Long> rows() {
            Map<String, Long> rows = new LinkedHashMap<>();
            long steps = (long) executions * phases * 2;
            rows.put("BATCH_STEP_EXECUTION_CONTEXT", steps);
            rows.put("BATCH_STEP_EXECUTION", steps);
            rows.put("BATCH_JOB_EXECUTION_CONTEXT", (long) executions);
            rows.put("BATCH_JOB_EXECUTION_PARAMS", (long) executions);
            rows.put("BATCH_JOB_EXECUTION", (long) executions);
            rows.put("BATCH_JOB_INSTANCE", 1L);
            rows.put("P21_AGENT_RESULT", (long) phases * agentsPerPhase);
            rows.put("P21_PHASE_RUN", (long) phases);
            // Generated runs have no auto phase.
            rows.put("P21_PHASE_SELECTION", 0L);
            rows.put("P21_RUN", 1L);
            return rows;
        }
    }

    /** Rows per table summed over {@code runs}, in {@link #RUN_TABLES} order. */
    public static Map<String, Long> rowsOf(List<Run> runs) {
        Map<String, Long> total = new LinkedHashMap<>();
        RUN_TABLES.forEach(table -> total.put(table, 0L));
        runs.forEach(run -> run.rows().forEach((table, n) -> total.merge(table, n, Long::sum)));
        return total;
    }

    /** Rows in each table now. */
    public Map<String, Long> count() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : RUN_TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    /** Deletes every run and purge record (children first). */
    public void clear() {
        for (String table : RUN_TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM P21_PURGE_TABLE");
        jdbc.update("DELETE FROM P21_PURGE");
    }

    /**
     * Writes the runs with their rows in every table: one transaction per 500 runs, each table's rows as JDBC
     * batches, parents first. Returns the next free Batch id.
     */
    public long insert(List<Run> runs, long idBase) {
        long nextId = idBase;
        for (int from = 0; from < runs.size(); from += 500) {
            List<Run> chunk = runs.subList(from, Math.min(runs.size(), from + 500));
            long first = nextId;
            nextId = transaction.execute(status -> insertChunk(chunk, first));
        }
        return nextId;
    }

    private long insertChunk(List<Run> runs, long firstId) {
        Rows instances = new Rows("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, ?, ?)");
        Rows executions = new Rows("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME,"
                + " START_TIME, END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED) VALUES (?, 2, ?, ?, ?, ?, ?, ?, '', ?)");
        Rows params = new Rows("INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE,"
                + " PARAMETER_VALUE, IDENTIFYING) VALUES (?, 'run.id', 'java.lang.String', ?, 'Y')");
        Rows jobContexts = new Rows("INSERT INTO BATCH_JOB_EXECUTION_CONTEXT (JOB_EXECUTION_ID, SHORT_CONTEXT, SERIALIZED_CONTEXT)"
                + " VALUES (?, '{}', NULL)");
        Rows steps = new Rows("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID,"
                + " CREATE_TIME, START_TIME, END_TIME, STATUS, COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT,"
                + " READ_SKIP_COUNT, WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)"
                + " VALUES (?, 3, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, 0, 0, ?, '', ?)");
        Rows stepContexts = new Rows("INSERT INTO BATCH_STEP_EXECUTION_CONTEXT (STEP_EXECUTION_ID, SHORT_CONTEXT, SERIALIZED_CONTEXT)"
                + " VALUES (?, ?, NULL)");
        Rows runRows = new Rows("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, PARAMS, JOB_INSTANCE_ID, JOB_EXECUTION_ID,"
                + " CREATED_AT, STARTED_AT, ENDED_AT, ORIGIN) VALUES (?, ?, ?, '{}', ?, ?, ?, ?, ?, 'api')");
        Rows phases = new Rows("INSERT INTO P21_PHASE_RUN (RUN_ID, PHASE_INDEX, PHASE, STATUS, AGENTS, SUCCEEDED, FAILED, REQUIRED,"
                + " AGENT_NAMES, STARTED_AT, ENDED_AT, ORDINAL) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)");
        Rows agents = new Rows("INSERT INTO P21_AGENT_RESULT (RUN_ID, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, STATUS, ATTEMPTS,"
                + " STARTED_AT, ENDED_AT, DURATION_MS, OUTPUT_BYTES, OUTPUT) VALUES (?, ?, ?, ?, ?, 'simulated', ?, 1, ?, ?, 5, ?, ?)");
        DefaultJobKeyGenerator keys = new DefaultJobKeyGenerator();
        long nextId = firstId;
        for (Run run : runs) {
            long instance = nextId++;
            OffsetDateTime created = at(run.createdAt());
            OffsetDateTime ended = at(run.endedAt());
            LocalDateTime batchCreated = created.toLocalDateTime();
            LocalDateTime batchEnded = ended == null ? null : ended.toLocalDateTime();
            String batchStatus = run.endedAt() == null ? "STARTED" : run.status();
            instances.add(instance, run.workflow(), keys.generateKey(new JobParametersBuilder().addString("run.id", run.runId())
                    .toJobParameters()));
            long lastExecution = 0;
            for (int e = 0; e < run.executions(); e++) {
                long execution = nextId++;
                lastExecution = execution;
                executions.add(execution, instance, batchCreated, batchCreated, batchEnded, batchStatus, batchStatus, batchCreated);
                params.add(execution, run.runId());
                jobContexts.add(execution);
                for (int p = 0; p < run.phases(); p++) {
                    for (String step : List.of("phase:p" + p, "phase:p" + p + ":worker")) {
                        long stepId = nextId++;
                        steps.add(stepId, step, execution, batchCreated, batchCreated, batchEnded, batchStatus, batchStatus, batchCreated);
                        stepContexts.add(stepId, "{\"phase\":" + p + "}");
                    }
                }
            }
            runRows.add(run.runId(), run.workflow(), run.status(), run.recordsInstance() ? instance : null,
                    run.recordsInstance() ? lastExecution : null, created, created, ended);
            String output = "x".repeat(run.outputBytes());
            for (int p = 0; p < run.phases(); p++) {
                List<String> names = new ArrayList<>();
                for (int a = 0; a < run.agentsPerPhase(); a++) {
                    names.add("agent-" + a);
                    agents.add(run.runId(), p, a, "p" + p, "agent-" + a, run.endedAt() == null ? "COMPLETED" : run.status(),
                            created, created, (long) run.outputBytes(), output);
                }
                phases.add(run.runId(), p, "p" + p, run.status(), run.agentsPerPhase(), run.agentsPerPhase(), run.agentsPerPhase(),
                        String.join("\n", names), created, ended, p + 1);
            }
        }
        for (Rows rows : List.of(instances, executions, params, jobContexts, steps, stepContexts, runRows, phases, agents)) {
            rows.flush();
        }
        return nextId;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Rows of one insert statement, sent in JDBC batches. */
    private final class Rows {
        private final String sql;
        private final List<Object[]> pending = new ArrayList<>();

        Rows(String sql) {
            this.sql = sql;
        }

        void add(Object... values) {
            pending.add(values);
        }

        void flush() {
            for (int from = 0; from < pending.size(); from += JDBC_BATCH) {
                jdbc.batchUpdate(sql, pending.subList(from, Math.min(pending.size(), from + JDBC_BATCH)));
            }
            pending.clear();
        }
    }
}
