package org.perfect21.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.history.DatabaseTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The record of purges in {@code P21_PURGE} (and rows per table in {@code P21_PURGE_TABLE}). */
@Component
public class PurgeRecords {

    /** Purge records are history too: those older than the cutoff go with the runs. */
    static final List<String> TABLES = List.of("P21_PURGE_TABLE", "P21_PURGE");

    private static final String COLUMNS = "ID, TRIGGERED_BY, DRY_RUN, STARTED_AT, ENDED_AT, DURATION_MS, CUTOFF, MAX_RUNS,"
            + " RUNS_DELETED, ROWS_DELETED, ERROR";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public PurgeRecords(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Writes the record of a purge that starts now; returns its id. */
    long start(PurgeTrigger trigger, boolean dryRun, Instant startedAt, Instant cutoff, int maxRuns) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO P21_PURGE (TRIGGERED_BY, DRY_RUN, STARTED_AT,"
                    + " CUTOFF, MAX_RUNS) VALUES (?, ?, ?, ?, ?)", new String[] {idColumn(connection)});
            insert.setString(1, trigger.label());
            insert.setBoolean(2, dryRun);
            insert.setObject(3, DatabaseTime.utc(startedAt));
            insert.setObject(4, DatabaseTime.utc(cutoff));
            insert.setInt(5, maxRuns);
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    // Drivers name generated-key columns as the database stores unquoted names (PostgreSQL: lower case).
    private static String idColumn(Connection connection) throws SQLException {
        return connection.getMetaData().storesLowerCaseIdentifiers() ? "id" : "ID";
    }

    /** Completes the record with the outcome, in one transaction. */
    void finish(PurgeReport report) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("UPDATE P21_PURGE SET ENDED_AT = ?, DURATION_MS = ?, RUNS_DELETED = ?, ROWS_DELETED = ?, ERROR = ?"
                            + " WHERE ID = ?", DatabaseTime.utc(report.endedAt()), report.durationMs(), report.runsDeleted(),
                    report.rowsDeleted(), clip(report.error()), report.id());
            List<Object[]> rows = report.rowsByTable().entrySet().stream()
                    .map(e -> new Object[] {report.id(), e.getKey(), e.getValue()}).toList();
            jdbc.batchUpdate("INSERT INTO P21_PURGE_TABLE (PURGE_ID, TABLE_NAME, ROWS_DELETED) VALUES (?, ?, ?)", rows);
        });
    }

    /** Deletes (or counts) the records of purges that started before {@code cutoff}; rows per table. */
    Map<String, Long> removeBefore(Deletion deletion, Instant cutoff) {
        Map<String, Long> rows = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            rows.put("P21_PURGE_TABLE", deletion.rows("P21_PURGE_TABLE",
                    "PURGE_ID IN (SELECT ID FROM P21_PURGE WHERE STARTED_AT < ?)", DatabaseTime.utc(cutoff)));
            rows.put("P21_PURGE", deletion.rows("P21_PURGE", "STARTED_AT < ?", DatabaseTime.utc(cutoff)));
        });
        return rows;
    }

    /** The newest {@code size} purges, newest first. */
    public List<PurgeReport> recent(int size) {
        List<PurgeReport> purges = jdbc.query("SELECT " + COLUMNS + " FROM P21_PURGE ORDER BY ID DESC FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new PurgeReport(rs.getLong("ID"), rs.getString("TRIGGERED_BY"), rs.getBoolean("DRY_RUN"),
                        DatabaseTime.instant(rs, "STARTED_AT"), DatabaseTime.instant(rs, "ENDED_AT"),
                        (Long) rs.getObject("DURATION_MS", Long.class), DatabaseTime.instant(rs, "CUTOFF"), rs.getInt("MAX_RUNS"),
                        rs.getLong("RUNS_DELETED"), rs.getLong("ROWS_DELETED"), new LinkedHashMap<>(), rs.getString("ERROR")),
                size);
        if (purges.isEmpty()) {
            return purges;
        }
        Map<Long, Map<String, Long>> tables = new HashMap<>();
        Deletion.select(jdbc, "SELECT PURGE_ID, TABLE_NAME, ROWS_DELETED FROM P21_PURGE_TABLE WHERE PURGE_ID IN (",
                        purges.stream().map(PurgeReport::id).toList(), ")", List.of(),
                        (rs, i) -> tables.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)));
        List<PurgeReport> complete = new ArrayList<>(purges.size());
        for (PurgeReport purge : purges) {
            Map<String, Long> rows = tables.getOrDefault(purge.id(), Map.of());
            complete.add(new PurgeReport(purge.id(), purge.trigger(), purge.dryRun(), purge.startedAt(), purge.endedAt(),
                    purge.durationMs(), purge.cutoff(), purge.maxRuns(), purge.runsDeleted(), purge.rowsDeleted(),
                    inTableOrder(rows), purge.error()));
        }
        return complete;
    }

    /** Rows per table in deletion order (the order a purge reports them in). */
    static Map<String, Long> inTableOrder(Map<String, Long> rows) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String table : RunPurger.TABLES) {
            if (rows.containsKey(table)) {
                ordered.put(table, rows.get(table));
            }
        }
        rows.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
