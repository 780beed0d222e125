package org.perfect21.launch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.perfect21.history.RunStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.perfect21.history.DatabaseTime.utc;

/**
 * The persisted side of the launch queue: runs written as QUEUED, claimed when a slot frees, put back
 * when the process stops under them, and found again by their idempotency key. Every status change is
 * conditional on the statuses {@link RunStatus} allows to make it.
 */
@Component
class LaunchRecords {

    private final JdbcTemplate jdbc;

    LaunchRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A launch waiting for a slot; {@code idempotencyKey} may be null. */
    record QueuedLaunch(String runId, String workflow, String source, String paramsJson, Instant createdAt,
                        String origin, String idempotencyKey, String requestDigest) {
    }

    /** Writes a QUEUED run; fails with a duplicate-key error when the idempotency key is taken. */
    void insertQueued(QueuedLaunch launch) {
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, SOURCE, STATUS, PARAMS, CREATED_AT, ORIGIN, IDEMPOTENCY_KEY,"
                        + " REQUEST_DIGEST) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                launch.runId(), launch.workflow(), launch.source(), RunStatus.QUEUED.name(), launch.paramsJson(),
                utc(launch.createdAt()), launch.origin(), launch.idempotencyKey(), launch.requestDigest());
    }

    /** The run launched earlier with this idempotency key: its id, status and request digest. */
    Optional<KeyedRun> findByIdempotencyKey(String key) {
        return jdbc.query("SELECT RUN_ID, STATUS, REQUEST_DIGEST FROM P21_RUN WHERE IDEMPOTENCY_KEY = ?",
                rs -> rs.next() ? Optional.of(new KeyedRun(rs.getString(1), RunStatus.valueOf(rs.getString(2)), rs.getString(3)))
                        : Optional.empty(), key);
    }

    /** A run found by its idempotency key. */
    record KeyedRun(String runId, RunStatus status, String requestDigest) {
    }

    /** Takes a queued run for starting; false when it is no longer queued (stopped meanwhile). */
    boolean claim(String runId) {
        return move(runId, RunStatus.STARTING, List.of(RunStatus.QUEUED), "", List.of());
    }

    /**
     * Queues a run again (a restart, or a run cut short by a shutdown) if its status is one of
     * {@code from}; false otherwise.
     */
    boolean requeue(String runId, List<RunStatus> from, String note) {
        return move(runId, RunStatus.QUEUED, from, ", ENDED_AT = NULL, DURATION_MS = NULL, AGENTS = NULL, ERROR = ?",
                java.util.Collections.singletonList(note));
    }

    /** Stops a run that has not started; false when it is not queued any more. */
    boolean stopQueued(String runId, String reason, Instant at) {
        return move(runId, RunStatus.STOPPED, List.of(RunStatus.QUEUED), ", ENDED_AT = ?, ERROR = ?", List.of(utc(at), reason));
    }

    /**
     * Runs this process must take over at startup, oldest first: queued ones, and ones left starting or
     * running by a process that ended without finishing them.
     */
    List<PendingRun> pending() {
        List<RunStatus> unfinished = RunStatus.unfinished();
        return jdbc.query("SELECT RUN_ID, STATUS, JOB_EXECUTION_ID FROM P21_RUN WHERE STATUS IN (" + marks(unfinished.size())
                        + ") ORDER BY CREATED_AT, RUN_ID",
                (rs, i) -> new PendingRun(rs.getString(1), RunStatus.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class)),
                unfinished.stream().map(RunStatus::name).toArray());
    }

    /** A run to take over; {@code jobExecutionId} is set when a job had started for it. */
    record PendingRun(String runId, RunStatus status, Long jobExecutionId) {
    }

    /** Moves a run to {@code to} if its status is one of {@code from} (each allowed to move there); true when it did. */
    private boolean move(String runId, RunStatus to, List<RunStatus> from, String alsoSet, List<Object> alsoArgs) {
        for (RunStatus status : from) {
            if (!status.canMoveTo(to)) {
                throw new IllegalArgumentException("a run cannot move from " + status + " to " + to);
            }
        }
        List<Object> args = new ArrayList<>();
        args.add(to.name());
        args.addAll(alsoArgs);
        args.add(runId);
        from.forEach(status -> args.add(status.name()));
        return jdbc.update("UPDATE P21_RUN SET STATUS = ?" + alsoSet + " WHERE RUN_ID = ? AND STATUS IN (" + marks(from.size()) + ")",
                args.toArray()) == 1;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
