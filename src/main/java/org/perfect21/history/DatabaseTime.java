package org.perfect21.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the platform's tables hold them ({@code TIMESTAMP WITH TIME ZONE}, written in UTC), the same way
 * on H2 and PostgreSQL.
 */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /** The value to bind for {@code instant}; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant in {@code column} of the current row, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
