package org.perfect21.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.perfect21.history.AgentStatus;
import org.perfect21.history.DatabaseTime;
import org.perfect21.history.RunStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what ended in a window from the history tables, for the SLOs. Range scans on the ENDED_AT
 * indexes, newest first and bounded; percentiles are computed in Java, so the SQL is the same on H2
 * and PostgreSQL.
 */
@Component
class SloSampler {

    static final int MAX_SAMPLES = 10_000;

    private final JdbcTemplate jdbc;

    SloSampler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What ended after {@code from} and at or before {@code to}. */
    SloSamples between(Instant from, Instant to) {
        OffsetDateTime after = DatabaseTime.utc(from);
        OffsetDateTime until = DatabaseTime.utc(to);
        // Stopped agents and runs were cut short on purpose: they count neither way.
        String completed = AgentStatus.COMPLETED.name();
        String failed = AgentStatus.FAILED.name();
        List<Long> agents = jdbc.queryForList("SELECT DURATION_MS FROM P21_AGENT_RESULT WHERE ENDED_AT > ? AND ENDED_AT <= ?"
                + " AND STATUS IN (?, ?) AND DURATION_MS IS NOT NULL ORDER BY ENDED_AT DESC LIMIT ?",
                Long.class, after, until, completed, failed, MAX_SAMPLES);
        List<Long> runs = new ArrayList<>();
        jdbc.query("SELECT STARTED_AT, ENDED_AT FROM P21_RUN WHERE ENDED_AT > ? AND ENDED_AT <= ?"
                + " AND STATUS IN (?, ?) AND STARTED_AT IS NOT NULL ORDER BY ENDED_AT DESC LIMIT ?", rs -> {
                    Instant started = rs.getObject(1, OffsetDateTime.class).toInstant();
                    Instant ended = rs.getObject(2, OffsetDateTime.class).toInstant();
                    runs.add(Duration.between(started, ended).toMillis());
                }, after, until, RunStatus.COMPLETED.name(), RunStatus.FAILED.name(), MAX_SAMPLES);
        long[] counts = new long[2];
        jdbc.query("SELECT STATUS, COUNT(*) FROM P21_RUN WHERE ENDED_AT > ? AND ENDED_AT <= ?"
                + " AND STATUS IN (?, ?) GROUP BY STATUS", rs -> {
                    counts[RunStatus.valueOf(rs.getString(1)) == RunStatus.COMPLETED ? 0 : 1] = rs.getLong(2);
                }, after, until, RunStatus.COMPLETED.name(), RunStatus.FAILED.name());
        return new SloSamples(agents.stream().mapToLong(Long::longValue).toArray(),
                runs.stream().mapToLong(Long::longValue).toArray(), counts[0], counts[1],
                agents.size() == MAX_SAMPLES || runs.size() == MAX_SAMPLES);
    }
}
