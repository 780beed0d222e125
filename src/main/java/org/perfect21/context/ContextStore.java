package org.perfect21.context;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Persists run contexts: a totals row per run and a row per held entry. Callers compose these writes
 * into their own transactions (the phase's end is recorded in the same one).
 */
@Component
public class ContextStore {

    private final JdbcTemplate jdbc;

    public ContextStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the totals row of a new run (its first phase starts): one insert, as no row can exist yet. */
    public void create(String runId, ContextTotals totals) {
        insert(runId, totals, Instant.now().atOffset(ZoneOffset.UTC));
    }

    /**
     * Writes the totals row (alone: when a gate's repeat reopens phases); a restarted run whose first phase never
     * started has none yet, and gets one.
     */
    public void saveTotals(String runId, ContextTotals totals) {
        Object updatedAt = Instant.now().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("UPDATE P21_RUN_CONTEXT SET BUDGET_BYTES = ?, BUDGET_TOKENS = ?, BYTES = ?, TOKENS = ?,"
                        + " ENTRIES = ?, EVICTIONS = ?, CUTS = ?, PEAK_BYTES = ?, PHASES_COMMITTED = ?, UPDATED_AT = ? WHERE RUN_ID = ?",
                totals.budget().maxBytes(), totals.budget().maxTokens(), totals.bytes(), totals.tokens(), totals.entries(),
                totals.evictions(), totals.cuts(), totals.peakBytes(), totals.phasesCommitted(), updatedAt, runId);
        if (updated == 0) {
            insert(runId, totals, updatedAt);
        }
    }

    private void insert(String runId, ContextTotals totals, Object updatedAt) {
        jdbc.update("INSERT INTO P21_RUN_CONTEXT (BUDGET_BYTES, BUDGET_TOKENS, BYTES, TOKENS, ENTRIES, EVICTIONS, CUTS,"
                        + " PEAK_BYTES, PHASES_COMMITTED, UPDATED_AT, RUN_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                totals.budget().maxBytes(), totals.budget().maxTokens(), totals.bytes(), totals.tokens(), totals.entries(),
                totals.evictions(), totals.cuts(), totals.peakBytes(), totals.phasesCommitted(), updatedAt, runId);
    }

    /** Writes a phase's commit: evicted entries deleted and new ones inserted, each as one JDBC batch, then the totals. */
    public void save(String runId, ContextChange change) {
        if (!change.evicted().isEmpty()) {
            jdbc.batchUpdate("DELETE FROM P21_CONTEXT_ENTRY WHERE RUN_ID = ? AND SEQ = ?", change.evicted(),
                    change.evicted().size(), (ps, seq) -> {
                        ps.setString(1, runId);
                        ps.setInt(2, seq);
                    });
        }
        if (!change.added().isEmpty()) {
            jdbc.batchUpdate("INSERT INTO P21_CONTEXT_ENTRY (RUN_ID, SEQ, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, BYTES, TOKENS,"
                    + " CUT, CONTENT, ITERATION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", change.added(), change.added().size(),
                    (ps, e) -> {
                        ps.setString(1, runId);
                        ps.setInt(2, e.seq());
                        ps.setInt(3, e.phaseIndex());
                        ps.setInt(4, e.agentIndex());
                        ps.setString(5, e.phase());
                        ps.setString(6, e.agent());
                        ps.setString(7, e.kind());
                        ps.setLong(8, e.bytes());
                        ps.setLong(9, e.tokens());
                        ps.setBoolean(10, e.cut());
                        // An uncut entry is its agent's stored output, already written with the agent's result.
                        ps.setString(11, e.cut() ? e.content() : null);
                        ps.setInt(12, e.iteration());
                    });
        }
        saveTotals(runId, change.totals());
    }

    private static String contentOf(String stored) {
        return stored == null ? "" : stored;
    }

    /** The persisted context of a run, to restart it; empty when none was written. */
    public Optional<RunContext> load(String runId, ContextBudget fallback) {
        Optional<ContextTotals> totals = jdbc.query("SELECT BUDGET_BYTES, BUDGET_TOKENS, BYTES, TOKENS, ENTRIES, EVICTIONS, CUTS,"
                        + " PEAK_BYTES, PHASES_COMMITTED FROM P21_RUN_CONTEXT WHERE RUN_ID = ?",
                rs -> rs.next() ? Optional.of(new ContextTotals(
                        // The budget the run started with, so a restart does not change it under the run.
                        new ContextBudget(rs.getLong(1), rs.getLong(2), fallback.bytesPerToken(), fallback.entryMaxShare()),
                        rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getLong(8), rs.getInt(9)))
                        : Optional.empty(), runId);
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        List<ContextEntry> entries = jdbc.query("SELECT e.SEQ, e.PHASE_INDEX, e.AGENT_INDEX, e.PHASE, e.AGENT, e.KIND,"
                        + " COALESCE(e.CONTENT, a.OUTPUT), e.BYTES, e.TOKENS, e.CUT, e.ITERATION FROM P21_CONTEXT_ENTRY e"
                        + " LEFT JOIN P21_AGENT_RESULT a ON a.RUN_ID = e.RUN_ID AND a.PHASE_INDEX = e.PHASE_INDEX"
                        + " AND a.ITERATION = e.ITERATION AND a.AGENT_INDEX = e.AGENT_INDEX WHERE e.RUN_ID = ? ORDER BY e.SEQ",
                (rs, n) -> new ContextEntry(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), contentOf(rs.getString(7)), rs.getLong(8), rs.getLong(9), rs.getBoolean(10),
                        rs.getInt(11)), runId);
        return Optional.of(RunContext.restore(totals.get(), entries));
    }
}
