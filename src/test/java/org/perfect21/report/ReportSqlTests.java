package org.perfect21.report;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The report cases on an in-memory H2 database migrated by the application's Flyway scripts. */
class ReportSqlTests extends ReportCases {

    private JdbcTemplate jdbc;

    @Override
    JdbcTemplate createDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        return jdbc;
    }

    @Override
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }
}
