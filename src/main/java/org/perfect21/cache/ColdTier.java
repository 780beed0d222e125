package org.perfect21.cache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The database tier, table {@code P21_RESULT_CACHE} (V8): survives restarts and is shared by every node on the database. */
final class ColdTier {

    /** Rows deleted per statement by the purge, so that it never holds many locks at once. */
    static final int PURGE_BATCH = 1000;

    private static final int AGENT_COLUMN = 200;

    // Standard MERGE (H2 2.x, PostgreSQL 15+): a key stored again replaces its row, hits counted anew.
    private static final String UPSERT = "MERGE INTO P21_RESULT_CACHE t"
            + " USING (VALUES (?, ?, ?, ?, ?, ?, ?, ?)) AS s (CACHE_KEY, AGENT, OUTPUT, OUTPUT_BYTES, OUTPUT_TRUNCATED, TOKENS,"
            + " CREATED_AT, EXPIRES_AT) ON t.CACHE_KEY = s.CACHE_KEY"
            + " WHEN MATCHED THEN UPDATE SET AGENT = s.AGENT, OUTPUT = s.OUTPUT, OUTPUT_BYTES = s.OUTPUT_BYTES,"
            + " OUTPUT_TRUNCATED = s.OUTPUT_TRUNCATED, TOKENS = s.TOKENS, CREATED_AT = s.CREATED_AT, EXPIRES_AT = s.EXPIRES_AT,"
            + " HITS = 0, LAST_HIT_AT = NULL"
            + " WHEN NOT MATCHED THEN INSERT (CACHE_KEY, AGENT, OUTPUT, OUTPUT_BYTES, OUTPUT_TRUNCATED, TOKENS, CREATED_AT, EXPIRES_AT)"
            + " VALUES (s.CACHE_KEY, s.AGENT, s.OUTPUT, s.OUTPUT_BYTES, s.OUTPUT_TRUNCATED, s.TOKENS, s.CREATED_AT, s.EXPIRES_AT)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ColdTier(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The live row for the key, its hit counted; an expired row is deleted and is a miss. */
    Optional<CacheEntry> find(CacheKey key, Instant now) {
        Optional<CacheEntry> row = jdbc.query("SELECT AGENT, OUTPUT, OUTPUT_BYTES, OUTPUT_TRUNCATED, TOKENS, CREATED_AT, EXPIRES_AT"
                + " FROM P21_RESULT_CACHE WHERE CACHE_KEY = ?", rs -> rs.next() ? Optional.of(entry(rs)) : Optional.empty(), key.digest());
        if (row.isEmpty()) {
            return row;
        }
        if (row.get().expiredAt(now)) {
            // Only if still expired: a store may have replaced the row since it was read.
            jdbc.update("DELETE FROM P21_RESULT_CACHE WHERE CACHE_KEY = ? AND EXPIRES_AT <= ?", key.digest(), at(now));
            return Optional.empty();
        }
        jdbc.update("UPDATE P21_RESULT_CACHE SET HITS = HITS + 1, LAST_HIT_AT = ? WHERE CACHE_KEY = ?", at(now), key.digest());
        return row;
    }

    /** Upserts the entries as one JDBC batch in one transaction. */
    void upsertAll(Map<CacheKey, CacheEntry> entries) {
        List<Map.Entry<CacheKey, CacheEntry>> rows = new ArrayList<>(entries.entrySet());
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(UPSERT, rows, rows.size(), ColdTier::bind));
    }

    /**
     * Deletes rows expired at {@code now}, at most {@link #PURGE_BATCH} per transaction; says how many. Each
     * batch reads the keys first, then deletes them as one JDBC batch: H2 would run a {@code DELETE ... IN
     * (SELECT ... FETCH FIRST n)} on its own table again for every row, and neither database has a
     * portable {@code DELETE ... LIMIT}.
     */
    long purgeExpired(Instant now) {
        long deleted = 0;
        List<String> keys;
        do {
            keys = jdbc.queryForList("SELECT CACHE_KEY FROM P21_RESULT_CACHE WHERE EXPIRES_AT <= ? ORDER BY EXPIRES_AT"
                    + " FETCH FIRST " + PURGE_BATCH + " ROWS ONLY", String.class, at(now));
            if (!keys.isEmpty()) {
                deleted += deleteExpired(keys, now);
            }
        } while (keys.size() == PURGE_BATCH);
        return deleted;
    }

    // Expiry checked again: a row stored anew since it was read is not expired any more.
    private long deleteExpired(List<String> keys, Instant now) {
        int[][] counts = transaction.execute(status -> jdbc.batchUpdate(
                "DELETE FROM P21_RESULT_CACHE WHERE CACHE_KEY = ? AND EXPIRES_AT <= ?", keys, keys.size(), (ps, key) -> {
                    ps.setString(1, key);
                    ps.setObject(2, at(now));
                }));
        long deleted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                deleted += Math.max(count, 0);
            }
        }
        return deleted;
    }

    void delete(CacheKey key) {
        jdbc.update("DELETE FROM P21_RESULT_CACHE WHERE CACHE_KEY = ?", key.digest());
    }

    private static void bind(PreparedStatement ps, Map.Entry<CacheKey, CacheEntry> row) throws SQLException {
        CacheEntry entry = row.getValue();
        CacheableResult result = entry.result();
        ps.setString(1, row.getKey().digest());
        // AGENT is for reports; the digest is the key, so a name longer than the column is cut, not refused.
        String agent = entry.agent();
        ps.setString(2, agent.length() <= AGENT_COLUMN ? agent : agent.substring(0, AGENT_COLUMN));
        ps.setString(3, result.output());
        ps.setLong(4, result.outputBytes());
        ps.setBoolean(5, result.truncated());
        if (result.tokens() == null) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, result.tokens());
        }
        ps.setObject(7, at(entry.storedAt()));
        ps.setObject(8, at(entry.expiresAt()));
    }

    private static CacheEntry entry(ResultSet rs) throws SQLException {
        CacheableResult result = new CacheableResult(rs.getString("OUTPUT"), rs.getLong("OUTPUT_BYTES"),
                rs.getBoolean("OUTPUT_TRUNCATED"), rs.getObject("TOKENS", Long.class));
        return new CacheEntry(rs.getString("AGENT"), result, instant(rs, "CREATED_AT"), instant(rs, "EXPIRES_AT"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
