package org.perfect21.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** Assembles a {@link RunDocument} from the run, phase and agent rows (three indexed queries). */
final class RunDocumentReader {

    private final JdbcTemplate jdbc;

    RunDocumentReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RunDocument> read(String runId) {
        List<RunDocument> runs = jdbc.query("SELECT RUN_ID, WORKFLOW, STATUS, STARTED_AT, ENDED_AT, ERROR FROM P21_RUN WHERE RUN_ID = ?",
                (rs, i) -> new RunDocument(rs.getString("RUN_ID"), rs.getString("WORKFLOW"), rs.getString("STATUS"),
                        RunHistory.instant(rs, "STARTED_AT"), RunHistory.instant(rs, "ENDED_AT"),
                        millis(RunHistory.instant(rs, "STARTED_AT"), RunHistory.instant(rs, "ENDED_AT")),
                        rs.getString("ERROR"), List.of()), runId);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, List<RunDocument.Agent>> agents = new LinkedHashMap<>();
        jdbc.query("SELECT PHASE_INDEX, AGENT, STATUS, STARTED_AT, ENDED_AT, DURATION_MS, ATTEMPTS, OUTPUT_BYTES,"
                + " OUTPUT_TRUNCATED, ERROR FROM P21_AGENT_RESULT WHERE RUN_ID = ? ORDER BY PHASE_INDEX, AGENT_INDEX", rs -> {
                    agents.computeIfAbsent(rs.getInt("PHASE_INDEX"), k -> new ArrayList<>()).add(new RunDocument.Agent(
                            rs.getString("AGENT"), rs.getString("STATUS"), RunHistory.instant(rs, "STARTED_AT"),
                            RunHistory.instant(rs, "ENDED_AT"), (Long) rs.getObject("DURATION_MS", Long.class),
                            rs.getInt("ATTEMPTS"), rs.getLong("OUTPUT_BYTES"), rs.getBoolean("OUTPUT_TRUNCATED"),
                            rs.getString("ERROR")));
                }, runId);
        List<RunDocument.Phase> phases = jdbc.query("SELECT PHASE_INDEX, PHASE, STATUS, STARTED_AT, ENDED_AT, SUCCEEDED, FAILED, REQUIRED"
                        + " FROM P21_PHASE_RUN WHERE RUN_ID = ? ORDER BY PHASE_INDEX",
                (rs, i) -> new RunDocument.Phase(rs.getString("PHASE"), rs.getString("STATUS"),
                        millis(RunHistory.instant(rs, "STARTED_AT"), RunHistory.instant(rs, "ENDED_AT")),
                        rs.getInt("SUCCEEDED"), rs.getInt("FAILED"), rs.getInt("REQUIRED"),
                        agents.getOrDefault(rs.getInt("PHASE_INDEX"), List.of())), runId);
        RunDocument run = runs.get(0);
        return Optional.of(new RunDocument(run.runId(), run.workflow(), run.status(), run.startedAt(), run.endedAt(),
                run.durationMs(), run.error(), phases));
    }

    private static Long millis(Instant start, Instant end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }
}
