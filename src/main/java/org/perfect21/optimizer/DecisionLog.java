package org.perfect21.optimizer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfect21.history.DatabaseTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The decisions table, {@code P21_OPTIMIZER_DECISION}: written in batches, read newest first, pruned by age. */
@Component
public class DecisionLog {

    private static final int MAX_DETAIL = 1000;
    private static final int MAX_INPUTS = 4000;
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DecisionLog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO P21_OPTIMIZER_DECISION (DECIDED_AT, KIND, SUBJECT, OUTCOME, INPUTS, DETAIL)"
                + " VALUES (?, ?, ?, ?, ?, ?)", decisions, decisions.size(), (ps, d) -> {
                    ps.setObject(1, DatabaseTime.utc(d.decidedAt()));
                    ps.setString(2, d.kind().wire());
                    ps.setString(3, d.subject());
                    ps.setString(4, d.outcome());
                    ps.setString(5, inputsJson(d.inputs()));
                    ps.setString(6, d.detail() == null || d.detail().length() <= MAX_DETAIL ? d.detail()
                            : d.detail().substring(0, MAX_DETAIL));
                });
    }

    /** Inputs are a few values; should they ever outgrow the column, the row still records the decision. */
    private String inputsJson(Map<String, Object> inputs) {
        String text = json.writeValueAsString(inputs);
        return text.length() <= MAX_INPUTS ? text : json.writeValueAsString(Map.of("truncated", true, "length", text.length()));
    }

    /** The newest decisions, of one kind or of all (kind null). */
    public List<Decision> recent(DecisionKind kind, int size) {
        String where = kind == null ? "" : " WHERE KIND = ?";
        List<Object> args = new ArrayList<>();
        if (kind != null) {
            args.add(kind.wire());
        }
        args.add(size);
        return jdbc.query("SELECT ID, DECIDED_AT, KIND, SUBJECT, OUTCOME, INPUTS, DETAIL FROM P21_OPTIMIZER_DECISION" + where
                + " ORDER BY DECIDED_AT DESC, ID DESC LIMIT ?", (rs, i) -> new Decision(rs.getLong("ID"),
                rs.getObject("DECIDED_AT", OffsetDateTime.class).toInstant(),
                DecisionKind.of(rs.getString("KIND")).orElseThrow(), rs.getString("SUBJECT"), rs.getString("OUTCOME"),
                rs.getString("INPUTS") == null ? Map.of() : json.readValue(rs.getString("INPUTS"), INPUTS),
                rs.getString("DETAIL")), args.toArray());
    }

    /** Deletes decisions taken before {@code cutoff}; returns how many. */
    public int deleteBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM P21_OPTIMIZER_DECISION WHERE DECIDED_AT < ?", DatabaseTime.utc(cutoff));
    }
}
