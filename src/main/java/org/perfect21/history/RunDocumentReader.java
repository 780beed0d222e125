package org.perfect21.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfect21.usage.Usage;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a {@link RunDocument} from the run, phase and agent rows in one ordered join. A phase's
 * agents come from its agent list; those without a result row yet are pending. Auto phases' selections come from a
 * second, small read.
 */
final class RunDocumentReader {

    private static final String QUERY = "SELECT r.WORKFLOW, r.STATUS, r.STARTED_AT, r.ENDED_AT, r.ERROR,"
            + " p.PHASE_INDEX, p.ITERATION, p.ORDINAL, p.PHASE, p.STATUS AS PHASE_STATUS, p.STARTED_AT AS PHASE_STARTED, p.ENDED_AT AS PHASE_ENDED,"
            + " p.SUCCEEDED, p.FAILED, p.REQUIRED, p.AGENT_NAMES, p.GATE,"
            + " a.AGENT_INDEX, a.AGENT, a.STATUS AS AGENT_STATUS, a.STARTED_AT AS AGENT_STARTED, a.ENDED_AT AS AGENT_ENDED, a.DURATION_MS,"
            + " a.ATTEMPTS, a.OUTPUT_BYTES, a.OUTPUT_TRUNCATED, a.ERROR AS AGENT_ERROR, a.CACHE_HIT, a.CACHE_TIER, a.TOKENS,"
            + " a.MODEL, a.INPUT_TOKENS, a.OUTPUT_TOKENS, a.CACHE_READ_TOKENS, a.CACHE_WRITE_TOKENS, a.COST,"
            + " c.BYTES AS CONTEXT_BYTES, c.TOKENS AS CONTEXT_TOKENS, c.BUDGET_BYTES, c.BUDGET_TOKENS, c.ENTRIES AS CONTEXT_ENTRIES,"
            + " c.EVICTIONS, c.CUTS, c.PEAK_BYTES"
            + " FROM P21_RUN r"
            + " LEFT JOIN P21_RUN_CONTEXT c ON c.RUN_ID = r.RUN_ID"
            + " LEFT JOIN P21_PHASE_RUN p ON p.RUN_ID = r.RUN_ID"
            + " LEFT JOIN P21_AGENT_RESULT a ON a.RUN_ID = p.RUN_ID AND a.PHASE_INDEX = p.PHASE_INDEX"
            + " AND a.ITERATION = p.ITERATION"
            + " WHERE r.RUN_ID = ? ORDER BY p.ORDINAL, a.AGENT_INDEX";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    RunDocumentReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RunDocument> read(String runId) {
        // Read first, so that no second connection is taken while the join's rows are open.
        Map<Integer, RunDocument.Selection> selections = SelectionRecords.of(jdbc, runId);
        return jdbc.query(QUERY, rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            Instant started = DatabaseTime.instant(rs, "STARTED_AT");
            Instant ended = DatabaseTime.instant(rs, "ENDED_AT");
            RunDocument.Context context = context(rs);
            RunDocument run = new RunDocument(runId, rs.getString("WORKFLOW"), RunStatus.valueOf(rs.getString("STATUS")), started, ended,
                    millis(started, ended), rs.getString("ERROR"), phases(rs, selections), context);
            return Optional.of(run);
        }, runId);
    }

    /** Reads the phases and their agents from the current row on; rows come in execution order, then by agent. */
    private static List<RunDocument.Phase> phases(ResultSet rs, Map<Integer, RunDocument.Selection> selections) throws SQLException {
        List<RunDocument.Phase> phases = new ArrayList<>();
        if (rs.getObject("PHASE_INDEX") == null) {
            return phases;
        }
        boolean more = true;
        while (more) {
            int index = rs.getInt("PHASE_INDEX");
            int iteration = rs.getInt("ITERATION");
            int ordinal = rs.getInt("ORDINAL");
            String name = rs.getString("PHASE");
            PhaseStatus status = PhaseStatus.valueOf(rs.getString("PHASE_STATUS"));
            Long duration = millis(DatabaseTime.instant(rs, "PHASE_STARTED"), DatabaseTime.instant(rs, "PHASE_ENDED"));
            int succeeded = rs.getInt("SUCCEEDED");
            int failed = rs.getInt("FAILED");
            int required = rs.getInt("REQUIRED");
            RunDocument.Gate gate = gate(rs.getString("GATE"));
            String written = rs.getString("AGENT_NAMES");
            // A phase may have no agents: a forEach without items.
            String[] names = written.isEmpty() ? new String[0] : written.split("\n");
            Map<Integer, RunDocument.Agent> finished = new HashMap<>();
            do {
                if (rs.getString("AGENT") != null) {
                    finished.put(rs.getInt("AGENT_INDEX"), agent(rs));
                }
                more = rs.next();
            } while (more && rs.getInt("ORDINAL") == ordinal);
            List<RunDocument.Agent> agents = new ArrayList<>(names.length);
            for (int i = 0; i < names.length; i++) {
                RunDocument.Agent agent = finished.get(i);
                agents.add(agent != null ? agent
                        : RunDocument.Agent.pending(names[i]));
            }
            phases.add(new RunDocument.Phase(name, index, iteration, status, duration, succeeded, failed, required, agents, gate,
                    selections.get(index)));
        }
        return phases;
    }

    private static RunDocument.Gate gate(String json) {
        return json == null ? null : JSON.readValue(json, RunDocument.Gate.class);
    }

    private static RunDocument.Agent agent(ResultSet rs) throws SQLException {
        return new RunDocument.Agent(rs.getString("AGENT"), AgentStatus.valueOf(rs.getString("AGENT_STATUS")),
                DatabaseTime.instant(rs, "AGENT_STARTED"), DatabaseTime.instant(rs, "AGENT_ENDED"),
                (Long) rs.getObject("DURATION_MS", Long.class), rs.getInt("ATTEMPTS"), rs.getLong("OUTPUT_BYTES"),
                rs.getBoolean("OUTPUT_TRUNCATED"), rs.getString("AGENT_ERROR"), rs.getBoolean("CACHE_HIT"),
                rs.getString("CACHE_TIER"), (Long) rs.getObject("TOKENS", Long.class), rs.getString("MODEL"), usage(rs));
    }

    /** The usage columns of a result row (also read by the reports' figures). */
    static Usage usage(ResultSet rs) throws SQLException {
        return new Usage(rs.getObject("INPUT_TOKENS", Long.class), rs.getObject("OUTPUT_TOKENS", Long.class),
                rs.getObject("CACHE_READ_TOKENS", Long.class), rs.getObject("CACHE_WRITE_TOKENS", Long.class),
                rs.getBigDecimal("COST"));
    }

    private static RunDocument.Context context(ResultSet rs) throws SQLException {
        if (rs.getObject("BUDGET_BYTES") == null) {
            return null;
        }
        return new RunDocument.Context(rs.getLong("CONTEXT_BYTES"), rs.getLong("CONTEXT_TOKENS"), rs.getLong("BUDGET_BYTES"),
                rs.getLong("BUDGET_TOKENS"), rs.getInt("CONTEXT_ENTRIES"), rs.getInt("EVICTIONS"), rs.getInt("CUTS"),
                rs.getLong("PEAK_BYTES"));
    }

    private static Long millis(Instant start, Instant end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }
}
