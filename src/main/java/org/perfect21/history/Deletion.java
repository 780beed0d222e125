package org.perfect21.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes rows, or for a dry run only counts the rows that would be deleted, with the same conditions.
 * Id lists go out as bound {@code IN (?, ...)} lists of bounded length (portable SQL, within every
 * driver's parameter limit).
 */
final class Deletion {

    static final int MAX_IN_LIST = 1000;

    private final JdbcTemplate jdbc;
    private final boolean dryRun;

    Deletion(JdbcTemplate jdbc, boolean dryRun) {
        this.jdbc = jdbc;
        this.dryRun = dryRun;
    }

    boolean dryRun() {
        return dryRun;
    }

    /** Rows of {@code table} matching {@code where}, deleted or counted. */
    long rows(String table, String where, Object... args) {
        if (dryRun) {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class, args);
            return count == null ? 0 : count;
        }
        return jdbc.update("DELETE FROM " + table + " WHERE " + where, args);
    }

    /** Rows of {@code table} whose {@code column} is one of {@code ids}, deleted or counted. */
    long rowsIn(String table, String column, List<?> ids) {
        long total = 0;
        for (List<?> chunk : chunks(ids)) {
            total += rows(table, column + " IN (" + marks(chunk.size()) + ")", chunk.toArray());
        }
        return total;
    }

    /** The values of {@code select} (which ends in {@code column IN}) for the given keys, queried in chunks. */
    static <T> List<T> selectIn(JdbcTemplate jdbc, String select, List<?> keys, Class<T> type) {
        List<T> values = new ArrayList<>();
        for (List<?> chunk : chunks(keys)) {
            values.addAll(jdbc.queryForList(select + " (" + marks(chunk.size()) + ")", type, chunk.toArray()));
        }
        return values;
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<? extends List<?>> chunks(List<?> ids) {
        List<List<?>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IN_LIST) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + MAX_IN_LIST)));
        }
        return chunks;
    }
}
