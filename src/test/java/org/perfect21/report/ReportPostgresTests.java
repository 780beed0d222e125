package org.perfect21.report;

import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.perfect21.testing.Migrations;
import org.perfect21.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The report cases on PostgreSQL: the same rows as on H2. Runs by default against the PostgreSQL of the development and
 * CI machines, {@value TestDatabase#DEFAULT_SERVER} as user {@code postgres} without a password (trust); another database with
 * {@code -Dperfect21.pg-url=... -Dperfect21.pg-user=...} (and {@code -Dperfect21.pg-password}). When the database cannot be
 * reached the cases fail, saying how to start it: a skipped PostgreSQL check would pass unnoticed. It works in a schema
 * of its own, dropped afterwards, migrated by Flyway as the application migrates PostgreSQL (db/migration/common and
 * postgresql). The session time zone is set to Asia/Kolkata (+05:30) so that a
 * report relying on a UTC session would show it.
 */
class ReportPostgresTests extends ReportCases {

    private final String schema = "p21_reports_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource dataSource;

    @Override
    JdbcTemplate createDatabase() throws Exception {
        TestDatabase.Server server = TestDatabase.Server.configured();
        dataSource = new SingleConnectionDataSource(server.url(), server.user(), server.password(), true);
        try {
            dataSource.getConnection();
        } catch (SQLException e) {
            dataSource = null;
            throw server.unreachable("connecting for the report cases", e);
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("SET TIME ZONE 'Asia/Kolkata'");
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations(Migrations.POSTGRESQL).load().migrate();
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
