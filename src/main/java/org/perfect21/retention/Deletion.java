package org.perfect21.retention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Deletes rows, or for a dry run only counts the rows that would be deleted, with the same conditions.
 * <p>
 * Ids go out as bound {@code IN (?, ...)} lists (portable SQL) of at most {@value #CHUNK} ids, each list
 * padded to {@value #SMALL} or {@value #CHUNK} entries by repeating its last id. With lists of any length
 * every batch would be a new statement text, and the prepared statements cached per connection (H2's
 * query cache, the JDBC driver's statement cache) would fill the heap with near-duplicates.
 */
final class Deletion {

    static final int CHUNK = 100;
    static final int SMALL = 10;

    private final JdbcTemplate jdbc;
    private final boolean dryRun;

    Deletion(JdbcTemplate jdbc, boolean dryRun) {
        this.jdbc = jdbc;
        this.dryRun = dryRun;
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
        for (List<Object> chunk : chunks(ids)) {
            total += rows(table, column + " IN (" + marks(chunk.size()) + ")", chunk.toArray());
        }
        return total;
    }

    /** The values of {@code column} in the rows of {@code table} whose {@code key} is one of {@code keys}. */
    static List<Long> selectIn(JdbcTemplate jdbc, String column, String table, String key, List<?> keys) {
        return select(jdbc, "SELECT " + column + " FROM " + table + " WHERE " + key + " IN (", keys, ")", List.of(),
                (rs, i) -> rs.getLong(1));
    }

    /**
     * Runs {@code before + marks + after} for each chunk of {@code keys}, binding the chunk's keys and then
     * {@code afterArgs}; the rows of all chunks (an id repeated in a list still matches its rows once).
     */
    static <T> List<T> select(JdbcTemplate jdbc, String before, List<?> keys, String after, List<?> afterArgs,
                              RowMapper<T> rows) {
        List<T> values = new ArrayList<>();
        for (List<Object> chunk : chunks(keys)) {
            List<Object> args = new ArrayList<>(chunk);
            args.addAll(afterArgs);
            values.addAll(jdbc.query(before + marks(chunk.size()) + after, rows, args.toArray()));
        }
        return values;
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** {@code ids} in chunks of at most {@value #CHUNK}, each padded to {@value #SMALL} or {@value #CHUNK} ids. */
    static List<List<Object>> chunks(List<?> ids) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            int padded = chunk.size() <= SMALL ? SMALL : CHUNK;
            Object last = chunk.get(chunk.size() - 1);
            while (chunk.size() < padded) {
                chunk.add(last);
            }
            chunks.add(chunk);
        }
        return chunks;
    }
}
