package org.perfect21.report;

import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The report cases on PostgreSQL: the same rows as on H2. Runs by default against the PostgreSQL of the development and
 * CI machines, {@value #DEFAULT_URL} as user {@code postgres} without a password (trust); another database with
 * {@code -Dperfect21.pg-url=... -Dperfect21.pg-user=...} (and {@code -Dperfect21.pg-password}). When the database cannot be
 * reached the cases fail, saying how to start it: a skipped PostgreSQL check would pass unnoticed. It works in a schema
 * of its own, dropped afterwards, migrated by Flyway as the application migrates PostgreSQL (db/migration/common and
 * postgresql). The session time zone is set to Asia/Kolkata (+05:30) so that a
 * report relying on a UTC session would show it.
 */
class ReportPostgresTests extends ReportCases {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    private final String schema = "p21_reports_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource dataSource;

    @Override
    JdbcTemplate createDatabase() throws Exception {
        String url = System.getProperty("perfect21.pg-url", DEFAULT_URL);
        String user = System.getProperty("perfect21.pg-user", "postgres");
        dataSource = new SingleConnectionDataSource(url, user, System.getProperty("perfect21.pg-password", ""), true);
        try {
            dataSource.getConnection();
        } catch (SQLException e) {
            dataSource = null;
            throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "). The report cases run there too: start it with `" + START + "` (check with `pg_isready -h 127.0.0.1"
                    + " -p 5432`), or point -Dperfect21.pg-url / -Dperfect21.pg-user / -Dperfect21.pg-password at another one.", e);
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("SET TIME ZONE 'Asia/Kolkata'");
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        jdbc.execute("SET search_path TO " + schema);
        return jdbc;
    }

    @Override
    void dropDatabase() {
        if (dataSource != null) {
            new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            dataSource.destroy();
        }
    }
}
