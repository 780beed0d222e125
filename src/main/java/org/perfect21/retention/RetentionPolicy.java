package org.perfect21.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.perfect21.history.DatabaseTime;
import org.perfect21.history.RunStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which runs a purge removes, fixed when it starts: terminal runs (COMPLETED, FAILED, STOPPED) that ended
 * before the cutoff (or, with no end recorded, were created before it), and terminal runs older than the
 * newest {@code max-runs} runs. Queued, starting and running runs never match, however old: the status is
 * authoritative, and a run a dead process left starting or running is taken over by the next server.
 * <p>
 * Every match was created before {@link #scanLimit()} (a run ends after it was created), so a purge walks
 * only those runs, in windows in (CREATED_AT, RUN_ID) order along the P21_RUN_CREATED index: each run is
 * looked at once, and a dry run walks exactly the windows a real purge walks.
 */
final class RetentionPolicy {

    // The statuses are constants of the platform, not input: they may be written into the statement.
    private static final String TERMINAL = "STATUS IN (" + String.join(", ",
            RunStatus.terminal().stream().map(status -> "'" + status.name() + "'").toList()) + ")";

    private final Instant cutoff;
    // CREATED_AT of the oldest of the newest max-runs runs (runs created at that instant are kept too); null with fewer runs.
    private final OffsetDateTime oldestKept;

    private RetentionPolicy(Instant cutoff, OffsetDateTime oldestKept) {
        this.cutoff = cutoff;
        this.oldestKept = oldestKept;
    }

    static RetentionPolicy at(Instant now, RetentionProperties properties, JdbcTemplate jdbc) {
        List<OffsetDateTime> oldestKept = jdbc.query("SELECT CREATED_AT FROM P21_RUN ORDER BY CREATED_AT DESC"
                        + " OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY", (rs, i) -> rs.getObject(1, OffsetDateTime.class),
                properties.maxRuns() - 1);
        return new RetentionPolicy(now.minus(properties.maxAge()), oldestKept.isEmpty() ? null : oldestKept.get(0));
    }

    Instant cutoff() {
        return cutoff;
    }

    /** A run's position in the walk. */
    record RunKey(OffsetDateTime createdAt, String runId) {
    }

    /** A run the policy removes, with what is needed to find its Spring Batch job instance. */
    record Candidate(String runId, String workflow, Long jobInstanceId) {
    }

    /** No run created at or after this instant matches. */
    private OffsetDateTime scanLimit() {
        OffsetDateTime byAge = DatabaseTime.utc(cutoff);
        return oldestKept != null && oldestKept.isAfter(byAge) ? oldestKept : byAge;
    }

    /** The next {@code size} runs of the walk after {@code after} (from the start when null), whatever their status. */
    List<RunKey> window(JdbcTemplate jdbc, RunKey after, int size) {
        String sql = "SELECT CREATED_AT, RUN_ID FROM P21_RUN WHERE CREATED_AT < ?"
                + (after == null ? "" : " AND (CREATED_AT, RUN_ID) > (?, ?)")
                + " ORDER BY CREATED_AT, RUN_ID FETCH FIRST ? ROWS ONLY";
        Object[] args = after == null ? new Object[] {scanLimit(), size}
                : new Object[] {scanLimit(), after.createdAt(), after.runId(), size};
        return jdbc.query(sql, (rs, i) -> new RunKey(rs.getObject(1, OffsetDateTime.class), rs.getString(2)), args);
    }

    /**
     * Those of {@code window}'s runs the policy removes, read by primary key. With {@code lock} the rows are
     * locked until the transaction ends, so a run restarted meanwhile either waits for the purge or, having
     * left its terminal status first, no longer matches.
     */
    List<Candidate> candidates(JdbcTemplate jdbc, List<RunKey> window, boolean lock) {
        List<Object> args = new ArrayList<>(List.of(DatabaseTime.utc(cutoff), DatabaseTime.utc(cutoff)));
        String beyondNewest = "";
        if (oldestKept != null) {
            beyondNewest = " OR CREATED_AT < ?";
            args.add(oldestKept);
        }
        return Deletion.select(jdbc, "SELECT RUN_ID, WORKFLOW, JOB_INSTANCE_ID FROM P21_RUN WHERE RUN_ID IN (",
                window.stream().map(RunKey::runId).toList(), ") AND " + TERMINAL + " AND (ENDED_AT < ? OR (ENDED_AT IS NULL"
                        + " AND CREATED_AT < ?)" + beyondNewest + ")" + (lock ? " FOR UPDATE" : ""), args,
                (rs, i) -> new Candidate(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class)));
    }
}
