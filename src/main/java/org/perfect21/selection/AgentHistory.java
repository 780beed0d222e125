package org.perfect21.selection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How candidates fared in this platform: of each agent's most recent results ({@code perfect21.selection.history-results}),
 * how many completed and the 95th percentile of their durations. Results served from the cache say nothing of the
 * agent and stopped ones nothing of its quality; only completed and failed attempts count. Each agent's rows come from
 * the index on (AGENT, STARTED_AT), newest first, never more than the bound.
 */
@Component
class AgentHistory {

    // Ordered by the index's own columns, so H2 and PostgreSQL read it backwards and stop at the bound; by STARTED_AT
    // alone H2 sorted every row of the agent first (60 ms a phase for 100 agents of 500 results each, instead of 3).
    private static final String RECENT = "SELECT STATUS, DURATION_MS FROM P21_AGENT_RESULT WHERE AGENT = ?"
            + " AND STATUS IN ('COMPLETED', 'FAILED') AND CACHE_HIT = FALSE ORDER BY AGENT DESC, STARTED_AT DESC LIMIT ?";

    private final JdbcTemplate jdbc;
    private final int results;

    AgentHistory(JdbcTemplate jdbc, SelectionProperties properties) {
        this.jdbc = jdbc;
        this.results = properties.historyResults();
    }

    /**
     * An agent's recent record.
     *
     * @param results   completed and failed results counted
     * @param completed of which completed
     * @param p95Ms     95th percentile of their durations (nearest rank), or null without any
     */
    record Track(int results, int completed, Long p95Ms) {

        static final Track NONE = new Track(0, 0, null);

        /**
         * Completed of results with one success and one failure assumed beforehand (Laplace): an agent without
         * history stands at 0.5, above one that mostly fails and below one that mostly completes.
         */
        double successRate() {
            return (completed + 1.0) / (results + 2.0);
        }
    }

    /** The agents' tracks, read on one connection with one prepared statement (a borrow and a prepare per agent cost more than the read). */
    Map<String, Track> of(Collection<String> agents) {
        Map<String, Track> tracks = new HashMap<>();
        if (agents.isEmpty()) {
            return tracks;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement recent = connection.prepareStatement(RECENT)) {
                recent.setInt(2, results);
                for (String agent : agents) {
                    recent.setString(1, agent);
                    tracks.put(agent, track(recent));
                }
            }
            return null;
        });
        return tracks;
    }

    private static Track track(PreparedStatement recent) throws SQLException {
        List<Long> durations = new ArrayList<>();
        int results = 0;
        int completed = 0;
        try (ResultSet rs = recent.executeQuery()) {
            while (rs.next()) {
                results++;
                if ("COMPLETED".equals(rs.getString(1))) {
                    completed++;
                }
                long duration = rs.getLong(2);
                if (!rs.wasNull()) {
                    durations.add(duration);
                }
            }
        }
        return results == 0 ? Track.NONE : new Track(results, completed, p95(durations));
    }

    private static Long p95(List<Long> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        durations.sort(null);
        return durations.get((int) Math.ceil(0.95 * durations.size()) - 1);
    }
}
