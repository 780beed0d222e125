package org.perfect21.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read-side queries over runs for the API: pages of runs and stored agent outputs. */
@Component
public class RunQueries {

    private final JdbcTemplate jdbc;

    public RunQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One run in a listing. */
    public record RunSummary(String runId, String workflow, RunStatus status, String origin, Instant createdAt,
                             Instant startedAt, Instant endedAt, Long durationMs, String error) {
    }

    /** A page of runs, newest first, and how many match in total. */
    public record RunPage(List<RunSummary> runs, int page, int size, long total) {
    }

    /** Runs newest first, optionally of one workflow and/or in one status. */
    public RunPage page(String workflow, RunStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (workflow != null) {
            where.append(" AND WORKFLOW = ?");
            args.add(workflow);
        }
        if (status != null) {
            where.append(" AND STATUS = ?");
            args.add(status.name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<RunSummary> runs = jdbc.query("SELECT RUN_ID, WORKFLOW, STATUS, ORIGIN, CREATED_AT, STARTED_AT, ENDED_AT, ERROR"
                + " FROM P21_RUN" + where + " ORDER BY CREATED_AT DESC, RUN_ID DESC LIMIT ? OFFSET ?", (rs, i) -> {
                    Instant started = DatabaseTime.instant(rs, "STARTED_AT");
                    Instant ended = DatabaseTime.instant(rs, "ENDED_AT");
                    return new RunSummary(rs.getString("RUN_ID"), rs.getString("WORKFLOW"), RunStatus.valueOf(rs.getString("STATUS")),
                            rs.getString("ORIGIN"), DatabaseTime.instant(rs, "CREATED_AT"), started, ended,
                            started == null || ended == null ? null : Duration.between(started, ended).toMillis(),
                            rs.getString("ERROR"));
                }, pageArgs.toArray());
        return new RunPage(runs, page, size, total == null ? 0 : total);
    }

    /** The stored output of an agent in a run, one entry per phase and iteration it ran in (in phase order). */
    public List<StoredOutput> outputs(String runId, String agent) {
        return jdbc.query("SELECT PHASE, STATUS, OUTPUT, OUTPUT_TRUNCATED, ITERATION FROM P21_AGENT_RESULT WHERE RUN_ID = ?"
                        + " AND AGENT = ? ORDER BY PHASE_INDEX, ITERATION, AGENT_INDEX",
                (rs, i) -> new StoredOutput(rs.getString(1), AgentStatus.valueOf(rs.getString(2)), Optional.ofNullable(rs.getString(3)).orElse(""),
                        rs.getBoolean(4), rs.getInt(5)), runId, agent);
    }

    /**
     * An agent's stored output in one phase; {@code truncated} when the agent produced more than was kept.
     *
     * @param iteration 1, or the iteration of a gate's repeat that ran the phase again
     */
    public record StoredOutput(String phase, AgentStatus status, String output, boolean truncated, int iteration) {
    }

    public boolean exists(String runId) {
        return !jdbc.queryForList("SELECT 1 FROM P21_RUN WHERE RUN_ID = ?", Integer.class, runId).isEmpty();
    }
}
