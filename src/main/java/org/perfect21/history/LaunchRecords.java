package org.perfect21.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The persisted side of the launch queue: runs written as QUEUED, claimed when a slot frees, put back
 * when the process stops under them, and found again by their idempotency key.
 */
@Component
public class LaunchRecords {

    public static final String QUEUED = "QUEUED";
    public static final String STARTING = "STARTING";
    public static final String STOPPED = "STOPPED";

    private final JdbcTemplate jdbc;

    public LaunchRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A launch waiting for a slot; {@code idempotencyKey} may be null. */
    public record QueuedLaunch(String runId, String workflow, String source, String paramsJson, Instant createdAt,
                               String origin, String idempotencyKey, String requestDigest) {
    }

    /** Writes a QUEUED run; fails with a duplicate-key error when the idempotency key is taken. */
    public void insertQueued(QueuedLaunch launch) {
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, SOURCE, STATUS, PARAMS, CREATED_AT, ORIGIN, IDEMPOTENCY_KEY,"
                        + " REQUEST_DIGEST) VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)",
                launch.runId(), launch.workflow(), launch.source(), launch.paramsJson(), RunHistory.at(launch.createdAt()),
                launch.origin(), launch.idempotencyKey(), launch.requestDigest());
    }

    /** The run launched earlier with this idempotency key: its id, status and request digest. */
    public Optional<KeyedRun> findByIdempotencyKey(String key) {
        return jdbc.query("SELECT RUN_ID, STATUS, REQUEST_DIGEST FROM P21_RUN WHERE IDEMPOTENCY_KEY = ?",
                rs -> rs.next() ? Optional.of(new KeyedRun(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty(), key);
    }

    /** A run found by its idempotency key. */
    public record KeyedRun(String runId, String status, String requestDigest) {
    }

    /** Takes a queued run for starting; false when it is no longer queued (stopped meanwhile). */
    public boolean claim(String runId) {
        return jdbc.update("UPDATE P21_RUN SET STATUS = 'STARTING' WHERE RUN_ID = ? AND STATUS = 'QUEUED'", runId) == 1;
    }

    /**
     * Queues a run again (a restart, or a run cut short by a shutdown) if its status is one of
     * {@code from}; false otherwise.
     */
    public boolean requeue(String runId, List<String> from, String note) {
        String marks = String.join(", ", from.stream().map(s -> "?").toList());
        Object[] args = new Object[from.size() + 2];
        args[0] = note;
        args[1] = runId;
        for (int i = 0; i < from.size(); i++) {
            args[i + 2] = from.get(i);
        }
        return jdbc.update("UPDATE P21_RUN SET STATUS = 'QUEUED', ENDED_AT = NULL, DURATION_MS = NULL, AGENTS = NULL, ERROR = ? WHERE RUN_ID = ? AND STATUS IN ("
                + marks + ")", args) == 1;
    }

    /** Stops a run that has not started; false when it is not queued any more. */
    public boolean stopQueued(String runId, String reason, Instant at) {
        return jdbc.update("UPDATE P21_RUN SET STATUS = 'STOPPED', ENDED_AT = ?, ERROR = ? WHERE RUN_ID = ? AND STATUS = 'QUEUED'",
                RunHistory.at(at), reason, runId) == 1;
    }

    /**
     * Runs this process must take over at startup, oldest first: queued ones, and ones left starting or
     * running by a process that ended without finishing them.
     */
    public List<PendingRun> pending() {
        return jdbc.query("SELECT RUN_ID, STATUS, JOB_EXECUTION_ID FROM P21_RUN WHERE STATUS IN ('QUEUED', 'STARTING', 'RUNNING')"
                        + " ORDER BY CREATED_AT, RUN_ID",
                (rs, i) -> new PendingRun(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class)));
    }

    /** A run to take over; {@code jobExecutionId} is set when a job had started for it. */
    public record PendingRun(String runId, String status, Long jobExecutionId) {
    }
}
