package org.perfect21.rollup;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.perfect21.retention.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the agent results up by closed UTC hour into P21_AGENT_HOURLY (counters) and P21_AGENT_DURATION_HOURLY (duration
 * histogram), and the runs into P21_RUN_HOURLY (the throughput report's rows), and moves P21_ROLLUP.ROLLED_TO past them in
 * the same transaction, a chunk of hours at a time. The rollup
 * row is locked first, so two nodes never add the same hour. Rollups older than the retention's max age are deleted.
 * Schema and bucket widths: V10.
 */
@Component
public class HourlyRollup {

    static final String NAME = "hourly";

    private static final Logger log = LoggerFactory.getLogger(HourlyRollup.class);
    private static final Instant NOTHING_YET = Instant.EPOCH;
    private static final String HOUR_OF_END = "DATE_TRUNC('hour', a.ENDED_AT AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'";

    // The throughput report's rows for the hours of [?5, ?6): the running count of runs after each start (+1) and end (-1)
    // of every run overlapping them (?1 = ?3 = the end, ?2 = ?4 = the start), ends before starts at the same instant; a
    // level before an end counts too. db/reports/throughput.sql reads the rest of its window the same way.
    private static final String RUN_HOURS = "INSERT INTO P21_RUN_HOURLY (HOUR_START, STARTED, FINISHED, PEAK_CONCURRENT,"
            + " QUEUE_WAIT_P95_MS)"
            + " SELECT l.hour_start, COUNT(CASE WHEN l.delta = 1 THEN 1 END), COUNT(CASE WHEN l.delta = -1 THEN 1 END),"
            + " MAX(CASE WHEN l.delta = -1 THEN l.running + 1 ELSE l.running END),"
            + " CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY l.wait_ms) AS DECIMAL(18, 0))"
            + " FROM (SELECT e.event_at, e.delta, e.wait_ms,"
            + " SUM(e.delta) OVER (ORDER BY e.event_at, e.delta ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,"
            + " DATE_TRUNC('hour', e.event_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start"
            + " FROM (SELECT r.STARTED_AT AS event_at, 1 AS delta, r.QUEUE_WAIT_MS AS wait_ms FROM P21_RUN r"
            + " WHERE r.STARTED_AT IS NOT NULL AND r.STARTED_AT < ? AND (r.ENDED_AT IS NULL OR r.ENDED_AT >= ?)"
            + " UNION ALL SELECT r.ENDED_AT, -1, NULL FROM P21_RUN r"
            + " WHERE r.STARTED_AT IS NOT NULL AND r.STARTED_AT < ? AND r.ENDED_AT IS NOT NULL AND r.ENDED_AT >= ?) e) l"
            + " WHERE l.event_at >= ? AND l.event_at < ?"
            + " GROUP BY l.hour_start";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RollupProperties properties;
    private final RetentionProperties retention;

    public HourlyRollup(JdbcTemplate jdbc, TransactionTemplate transaction, RollupProperties properties, RetentionProperties retention) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.retention = retention;
    }

    /** Adds every hour that ended at least the grace period before {@code now} and is not in yet. */
    public RollupResult rollUp(Instant now) {
        Instant target = now.minus(properties.grace()).truncatedTo(ChronoUnit.HOURS);
        Instant first = null;
        Instant reached = null;
        long written = 0;
        while (true) {
            Chunk chunk = transaction.execute(status -> rollChunk(target));
            if (chunk == null) {
                break;
            }
            first = first == null ? chunk.from() : first;
            reached = chunk.to();
            written += chunk.rows();
        }
        long deleted = deleteExpired(now);
        RollupResult result = first == null ? new RollupResult(target, target, 0, 0, deleted)
                : new RollupResult(first, reached, Duration.between(first, reached).toHours(), written, deleted);
        if (result.hours() > 0 || deleted > 0) {
            log.info("Hourly rollup: {} hours from {} to {}, {} rows written, {} rows past retention deleted", result.hours(),
                    result.from(), result.to(), written, deleted);
        }
        return result;
    }

    /** Where the rollup has got: every hour before it is in. */
    public Instant rolledTo() {
        return jdbc.queryForObject("SELECT ROLLED_TO FROM P21_ROLLUP WHERE NAME = ?", OffsetDateTime.class, NAME).toInstant();
    }

    private record Chunk(Instant from, Instant to, long rows) {
    }

    // One transaction: lock the rollup row, add the next chunk of hours below target, move the mark. Null when up to date.
    private Chunk rollChunk(Instant target) {
        Instant rolledTo = jdbc.queryForObject("SELECT ROLLED_TO FROM P21_ROLLUP WHERE NAME = ? FOR UPDATE", OffsetDateTime.class,
                NAME).toInstant();
        if (!rolledTo.isBefore(target)) {
            return null;
        }
        Instant from = rolledTo;
        if (from.equals(NOTHING_YET)) {
            // The first rollup starts at the hour of the oldest agent end or run start rather than walking from 1970.
            Timestamp oldest = jdbc.queryForObject("SELECT MIN(t) FROM (SELECT MIN(ENDED_AT) AS t FROM P21_AGENT_RESULT"
                    + " UNION ALL SELECT MIN(STARTED_AT) FROM P21_RUN) m", Timestamp.class);
            from = oldest == null ? target : oldest.toInstant().truncatedTo(ChronoUnit.HOURS);
            if (!from.isBefore(target)) {
                jdbc.update("UPDATE P21_ROLLUP SET ROLLED_TO = ? WHERE NAME = ?", utc(target), NAME);
                return new Chunk(target, target, 0);
            }
        }
        Instant to = from.plus(properties.chunk()).isBefore(target) ? from.plus(properties.chunk()) : target;
        long rows = jdbc.update("INSERT INTO P21_AGENT_HOURLY (HOUR_START, AGENT, STATUS, CACHE_TIER, EXECUTIONS, ATTEMPTS,"
                + " OUTPUT_BYTES, OUTPUTS)"
                + " SELECT x.hour_start, x.AGENT, x.STATUS, x.tier, COUNT(*), SUM(x.ATTEMPTS), COALESCE(SUM(x.OUTPUT_BYTES), 0),"
                + " COUNT(x.OUTPUT_BYTES)"
                + " FROM (SELECT " + HOUR_OF_END + " AS hour_start, a.AGENT, a.STATUS, COALESCE(a.CACHE_TIER, 'NONE') AS tier,"
                + " a.ATTEMPTS, a.OUTPUT_BYTES FROM P21_AGENT_RESULT a WHERE a.ENDED_AT >= ? AND a.ENDED_AT < ?) x"
                + " GROUP BY x.hour_start, x.AGENT, x.STATUS, x.tier", utc(from), utc(to));
        // Bucket width: 1 ms below 32 ms, else a sixteenth of the power of two at or below the duration. A width off by a
        // power of two through rounding in LN still makes a bucket [low, low + width) that holds the duration.
        rows += jdbc.update("INSERT INTO P21_AGENT_DURATION_HOURLY (HOUR_START, AGENT, STATUS, BUCKET_LOW, BUCKET_HIGH, SAMPLES)"
                + " SELECT y.hour_start, y.AGENT, y.STATUS, y.low, y.low + y.w, COUNT(*)"
                + " FROM (SELECT x.hour_start, x.AGENT, x.STATUS, x.d - MOD(x.d, x.w) AS low, x.w"
                + " FROM (SELECT " + HOUR_OF_END + " AS hour_start, a.AGENT, a.STATUS, a.DURATION_MS AS d,"
                + " CASE WHEN a.DURATION_MS < 32 THEN 1 ELSE CAST(POWER(2, FLOOR(LN(a.DURATION_MS) / LN(2)) - 4) AS BIGINT) END AS w"
                + " FROM P21_AGENT_RESULT a WHERE a.ENDED_AT >= ? AND a.ENDED_AT < ? AND a.DURATION_MS IS NOT NULL) x) y"
                + " GROUP BY y.hour_start, y.AGENT, y.STATUS, y.low, y.w", utc(from), utc(to));
        rows += jdbc.update(RUN_HOURS, utc(to), utc(from), utc(to), utc(from), utc(from), utc(to));
        jdbc.update("UPDATE P21_ROLLUP SET ROLLED_TO = ? WHERE NAME = ?", utc(to), NAME);
        return new Chunk(from, to, rows);
    }

    private long deleteExpired(Instant now) {
        Instant cutoff = now.minus(retention.maxAge()).truncatedTo(ChronoUnit.HOURS);
        return transaction.execute(status -> (long) jdbc.update("DELETE FROM P21_AGENT_HOURLY WHERE HOUR_START < ?", utc(cutoff))
                + jdbc.update("DELETE FROM P21_AGENT_DURATION_HOURLY WHERE HOUR_START < ?", utc(cutoff))
                + jdbc.update("DELETE FROM P21_RUN_HOURLY WHERE HOUR_START < ?", utc(cutoff)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
