package org.perfect21.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfect21.usage.Usage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.perfect21.history.DatabaseTime.utc;

/** Writes and reads the platform's run tables. Multi-row writes go out as JDBC batches in one transaction. */
@Component
public class RunHistory {

    // The run row's report figures (V10 derives them the same way for older rows): whole ms from a start to a bound instant.
    private static final String MARK_RUNNING = "UPDATE P21_RUN SET STATUS = ?, JOB_INSTANCE_ID = ?, JOB_EXECUTION_ID = ?,"
            + " STARTED_AT = ?, ENDED_AT = NULL, ERROR = NULL, DURATION_MS = NULL, AGENTS = NULL, QUEUE_WAIT_MS = "
            + millisFrom("CREATED_AT") + " WHERE RUN_ID = ?";
    private static final String MARK_ENDED = "UPDATE P21_RUN SET STATUS = ?, ENDED_AT = ?, ERROR = COALESCE(ERROR, ?),"
            + " JOB_INSTANCE_ID = COALESCE(?, JOB_INSTANCE_ID), JOB_EXECUTION_ID = COALESCE(?, JOB_EXECUTION_ID),"
            + " STARTED_AT = COALESCE(STARTED_AT, ?), DURATION_MS = " + millisFrom("COALESCE(STARTED_AT, ?)") + ","
            + " AGENTS = (SELECT SUM(p.AGENTS) FROM P21_PHASE_RUN p WHERE p.RUN_ID = P21_RUN.RUN_ID) WHERE RUN_ID = ?";

    private static String millisFrom(String start) {
        return "CAST(ROUND((EXTRACT(EPOCH FROM CAST(? AS TIMESTAMP WITH TIME ZONE)) - EXTRACT(EPOCH FROM " + start + ")) * 1000)"
                + " AS BIGINT)";
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public RunHistory(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Records a run started from the command line: it skips the queue and is STARTING at once. */
    public void createRun(String runId, String workflow, String source, String paramsJson, Instant createdAt) {
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, SOURCE, STATUS, PARAMS, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                runId, workflow, source, RunStatus.STARTING.name(), paramsJson, utc(createdAt));
    }

    /** Marks the run running in a new job execution whose first phase writes no row (it is only checked again). */
    public void markRunning(String runId, PhaseStart.JobIds job, Instant startedAt) {
        markRunning(runId, job.jobInstanceId(), job.jobExecutionId(), startedAt);
    }

    private void markRunning(String runId, long jobInstanceId, long jobExecutionId, Instant startedAt) {
        jdbc.update(MARK_RUNNING, RunStatus.RUNNING.name(), jobInstanceId, jobExecutionId, utc(startedAt), utc(startedAt), runId);
    }

    /**
     * Ends a run; an error already recorded (e.g. by a phase gate) is kept over {@code error}. The job ids
     * are set here too, for a job that failed before its first phase started.
     */
    public void markEnded(String runId, Long jobInstanceId, Long jobExecutionId, RunStatus status, Instant endedAt, String error) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a run ends COMPLETED, FAILED or STOPPED, not " + status);
        }
        OffsetDateTime ended = utc(endedAt);
        jdbc.update(MARK_ENDED, status.name(), ended, clip(error), jobInstanceId, jobExecutionId, ended, ended, ended, runId);
    }

    public void recordRunError(String runId, String error) {
        jdbc.update("UPDATE P21_RUN SET ERROR = ? WHERE RUN_ID = ?", clip(error), runId);
    }

    /**
     * Writes the phase row (its agents are pending until their results are written); on a restart the
     * row may exist and is reset to running. The first phase of a job execution also marks the run
     * running, in the same transaction (one commit fewer per run).
     */
    public void startPhase(PhaseStart start, Instant startedAt) {
        transaction.executeWithoutResult(status -> {
            if (start.firstOfExecution() != null) {
                markRunning(start.runId(), start.firstOfExecution().jobInstanceId(), start.firstOfExecution().jobExecutionId(),
                        startedAt);
            }
            if (start.mayExist() && jdbc.update("UPDATE P21_PHASE_RUN SET STATUS = ?, STARTED_AT = ?, ENDED_AT = NULL"
                    + " WHERE RUN_ID = ? AND PHASE_INDEX = ? AND ITERATION = ?", PhaseStatus.RUNNING.name(), utc(startedAt),
                    start.runId(), start.phaseIndex(), start.iteration()) > 0) {
                return;
            }
            // The phase's place in the run's execution order: the next after every phase row the run has.
            jdbc.update("INSERT INTO P21_PHASE_RUN (RUN_ID, PHASE_INDEX, ITERATION, ORDINAL, PHASE, STATUS, AGENTS, REQUIRED,"
                            + " AGENT_NAMES, STARTED_AT) SELECT ?, ?, ?, COALESCE(MAX(ORDINAL), 0) + 1, ?, ?, ?, ?, ?, ?"
                            + " FROM P21_PHASE_RUN WHERE RUN_ID = ?", start.runId(), start.phaseIndex(), start.iteration(),
                    start.phase(), PhaseStatus.RUNNING.name(), start.agents().size(), start.required(),
                    String.join("\n", start.agents()), utc(startedAt), start.runId());
        });
    }

    public void endPhase(String runId, int phaseIndex, int iteration, PhaseStatus status, int succeeded, int failed,
                         Instant endedAt) {
        jdbc.update("UPDATE P21_PHASE_RUN SET STATUS = ?, SUCCEEDED = ?, FAILED = ?, ENDED_AT = ? WHERE RUN_ID = ?"
                        + " AND PHASE_INDEX = ? AND ITERATION = ?", status.name(), succeeded, failed, utc(endedAt), runId,
                phaseIndex, iteration);
    }

    /** The status of a phase's row in one iteration; empty when the phase has not started in it. */
    public Optional<PhaseStatus> phaseStatus(String runId, int phaseIndex, int iteration) {
        return jdbc.query("SELECT STATUS FROM P21_PHASE_RUN WHERE RUN_ID = ? AND PHASE_INDEX = ? AND ITERATION = ?",
                rs -> rs.next() ? Optional.of(PhaseStatus.valueOf(rs.getString(1))) : Optional.empty(), runId, phaseIndex,
                iteration);
    }

    /** The output of each agent of a phase that completed, by name, as stored (at most the stored-output size). */
    public Map<String, String> completedOutputs(String runId, int phaseIndex, int iteration) {
        Map<String, String> outputs = new LinkedHashMap<>();
        jdbc.query("SELECT AGENT, OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND PHASE_INDEX = ? AND ITERATION = ?"
                        + " AND STATUS = ? ORDER BY AGENT_INDEX",
                rs -> {
                    String output = rs.getString("OUTPUT");
                    outputs.put(rs.getString("AGENT"), output == null ? "" : output);
                }, runId, phaseIndex, iteration, AgentStatus.COMPLETED.name());
        return outputs;
    }

    /**
     * Records a phase's gate verdict (JSON, see {@link RunDocument.Gate}), whether it passed and, when it did not, its
     * first failed check.
     */
    public void recordGate(String runId, int phaseIndex, int iteration, String gateJson, boolean passed, String firstFailure) {
        jdbc.update("UPDATE P21_PHASE_RUN SET GATE = ?, GATE_PASSED = ?, GATE_FAILURE = ? WHERE RUN_ID = ? AND PHASE_INDEX = ?"
                + " AND ITERATION = ?", gateJson, passed, clip(firstFailure), runId, phaseIndex, iteration);
    }

    /** Writes final agent states in one transaction: new rows as one JDBC batch, rows of re-run agents as another. */
    public void saveResults(List<AgentResult> results) {
        List<AgentResult> inserts = results.stream().filter(r -> !r.recorded()).toList();
        List<AgentResult> updates = results.stream().filter(AgentResult::recorded).toList();
        transaction.executeWithoutResult(status -> {
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO P21_AGENT_RESULT (STATUS, ATTEMPTS, STARTED_AT, ENDED_AT, DURATION_MS, OUTPUT_BYTES,"
                        + " OUTPUT_TRUNCATED, OUTPUT, ERROR, TOKENS, CACHE_HIT, CACHE_TIER, MODEL, INPUT_TOKENS, OUTPUT_TOKENS,"
                        + " CACHE_READ_TOKENS, CACHE_WRITE_TOKENS, COST, RUN_ID, PHASE_INDEX, ITERATION, AGENT_INDEX, PHASE, AGENT,"
                        + " KIND) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts,
                        inserts.size(), (ps, r) -> {
                            bindResult(ps, r);
                            ps.setString(23, r.phase());
                            ps.setString(24, r.agent());
                            ps.setString(25, r.kind());
                        });
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE P21_AGENT_RESULT SET STATUS = ?, ATTEMPTS = ?, STARTED_AT = ?, ENDED_AT = ?,"
                        + " DURATION_MS = ?, OUTPUT_BYTES = ?, OUTPUT_TRUNCATED = ?, OUTPUT = ?, ERROR = ?, TOKENS = ?,"
                        + " CACHE_HIT = ?, CACHE_TIER = ?, MODEL = ?, INPUT_TOKENS = ?, OUTPUT_TOKENS = ?, CACHE_READ_TOKENS = ?,"
                        + " CACHE_WRITE_TOKENS = ?, COST = ? WHERE RUN_ID = ? AND PHASE_INDEX = ? AND ITERATION = ? AND AGENT_INDEX = ?", updates,
                        updates.size(), RunHistory::bindResult);
            }
        });
    }

    /** Binds the result columns (1-18) and the key (19-22) shared by the insert and the update. */
    private static void bindResult(PreparedStatement ps, AgentResult r) throws SQLException {
        ps.setString(1, r.status().name());
        ps.setInt(2, r.attempts());
        ps.setObject(3, utc(r.startedAt()));
        ps.setObject(4, utc(r.endedAt()));
        if (r.startedAt() != null && r.endedAt() != null) {
            ps.setLong(5, r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli());
        } else {
            ps.setNull(5, Types.BIGINT);
        }
        ps.setLong(6, r.outputBytes());
        ps.setBoolean(7, r.truncated());
        ps.setString(8, r.output());
        ps.setString(9, clip(r.error()));
        if (r.tokens() != null) {
            ps.setLong(10, r.tokens());
        } else {
            ps.setNull(10, Types.BIGINT);
        }
        ps.setBoolean(11, r.cacheHit());
        ps.setString(12, r.cacheTier());
        ps.setString(13, r.model());
        Usage usage = r.usage();
        ps.setObject(14, usage.inputTokens(), Types.BIGINT);
        ps.setObject(15, usage.outputTokens(), Types.BIGINT);
        ps.setObject(16, usage.cacheReadTokens(), Types.BIGINT);
        ps.setObject(17, usage.cacheWriteTokens(), Types.BIGINT);
        ps.setObject(18, usage.costUsd(), Types.DECIMAL);
        ps.setString(19, r.runId());
        ps.setInt(20, r.phaseIndex());
        ps.setInt(21, r.iteration());
        ps.setInt(22, r.agentIndex());
    }

    /** Attempts and status so far of a phase's agents, by agent index (used on restart). */
    public Map<Integer, AgentResult> agentStates(String runId, int phaseIndex, int iteration) {
        Map<Integer, AgentResult> states = new HashMap<>();
        jdbc.query("SELECT AGENT_INDEX, STATUS, ATTEMPTS FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND PHASE_INDEX = ? AND ITERATION = ?",
                rs -> {
                    int index = rs.getInt(1);
                    states.put(index, new AgentResult(runId, phaseIndex, index, null, null, null, true,
                            AgentStatus.valueOf(rs.getString(2)), rs.getInt(3), null, null, 0, false, null, null, null, null,
                            null, null, iteration));
                }, runId, phaseIndex, iteration);
        return states;
    }

    /**
     * Completed agents of a phase with their stored outputs, by agent index: on a restart, those an
     * earlier execution ran still belong in the run's context.
     */
    public List<AgentResult> completedResults(String runId, int phaseIndex, int iteration) {
        return jdbc.query("SELECT AGENT_INDEX, PHASE, AGENT, KIND, ATTEMPTS, OUTPUT_BYTES, OUTPUT_TRUNCATED, OUTPUT, TOKENS,"
                        + " CACHE_TIER FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND PHASE_INDEX = ? AND ITERATION = ? AND STATUS = ?"
                        + " ORDER BY AGENT_INDEX",
                (rs, n) -> new AgentResult(runId, phaseIndex, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        true, AgentStatus.COMPLETED, rs.getInt(5), null, null, rs.getLong(6), rs.getBoolean(7), rs.getString(8),
                        null, (Long) rs.getObject(9, Long.class), rs.getString(10), null, null, iteration),
                runId, phaseIndex, iteration, AgentStatus.COMPLETED.name());
    }

    /** The workflow name and parameters (JSON) of a run, to rebuild it for a restart. */
    public Optional<StoredRun> storedRun(String runId) {
        return jdbc.query("SELECT WORKFLOW, SOURCE, STATUS, PARAMS, JOB_EXECUTION_ID FROM P21_RUN WHERE RUN_ID = ?",
                rs -> rs.next() ? Optional.of(new StoredRun(runId, rs.getString(1), rs.getString(2), RunStatus.valueOf(rs.getString(3)),
                        rs.getString(4), (Long) rs.getObject(5, Long.class))) : Optional.empty(), runId);
    }

    /** What is needed to restart a run. */
    public record StoredRun(String runId, String workflow, String source, RunStatus status, String paramsJson, Long jobExecutionId) {
    }

    public Optional<RunDocument> find(String runId) {
        return new RunDocumentReader(jdbc).read(runId);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
