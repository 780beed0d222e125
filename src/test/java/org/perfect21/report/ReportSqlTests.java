package org.perfect21.report;

import java.util.UUID;

import org.perfect21.testing.Migrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The report cases on an in-memory H2 database migrated by the application's Flyway scripts, all through one connection:
 * H2 keeps a statement's last result per session and reuses it when it judges the parameters unchanged, and a pool
 * hands the same connections out again, so the cases also check that no report is answered from a stale result.
 */
class ReportSqlTests extends ReportCases {

    private SingleConnectionDataSource dataSource;

    @Override
    JdbcTemplate createDatabase() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                true);
        Migrations.migrateH2(dataSource);
        return new JdbcTemplate(dataSource);
    }

    @Override
    void dropDatabase() {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource.destroy();
    }
}
