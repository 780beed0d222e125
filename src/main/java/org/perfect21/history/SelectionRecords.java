package org.perfect21.history;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import static org.perfect21.history.DatabaseTime.utc;

/**
 * The choice each auto phase of a run made ({@code P21_PHASE_SELECTION}, JSON as {@link RunDocument.Selection}): written
 * once, when the run's plan is made, and read back by every restart and by the run document.
 */
@Component
public class SelectionRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public SelectionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's recorded selections by phase index; empty when none. */
    public Map<Integer, RunDocument.Selection> of(String runId) {
        return of(jdbc, runId);
    }

    /**
     * Records a phase's selection unless one is recorded already (then it is kept, and false returned: whoever recorded
     * first made the run's choice).
     */
    public boolean record(String runId, int phaseIndex, String phase, RunDocument.Selection selection) {
        try {
            jdbc.update("INSERT INTO P21_PHASE_SELECTION (RUN_ID, PHASE_INDEX, PHASE, SELECTION, SELECTED_AT) VALUES (?, ?, ?, ?, ?)",
                    runId, phaseIndex, phase, JSON.writeValueAsString(selection), utc(Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    static Map<Integer, RunDocument.Selection> of(JdbcTemplate jdbc, String runId) {
        Map<Integer, RunDocument.Selection> selections = new HashMap<>();
        jdbc.query("SELECT PHASE_INDEX, SELECTION FROM P21_PHASE_SELECTION WHERE RUN_ID = ?",
                rs -> {
                    selections.put(rs.getInt(1), JSON.readValue(rs.getString(2), RunDocument.Selection.class));
                }, runId);
        return selections;
    }
}
