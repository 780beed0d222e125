package org.perfect21.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every table of the platform database as text, to check that something appears nowhere in it. */
public final class DatabaseText {

    private DatabaseText() {
    }

    public static String dump(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("H2".equals(product)) {
            return String.join("\n", jdbc.queryForList("SCRIPT", String.class));
        }
        // PostgreSQL: each row as its text form (every column, BYTEA in hex: a secret in it would still show as bytes
        // of its own, which the callers check as text only).
        List<String> rows = new ArrayList<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", String.class)) {
            rows.add("-- " + table);
            rows.addAll(jdbc.queryForList("SELECT CAST(t AS TEXT) FROM \"" + table + "\" t", String.class));
        }
        return String.join("\n", rows);
    }
}
