package org.perfect21.history;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayMigrationTests {

    @TempDir
    Path dir;

    @Test
    void flywayMigratesAnEmptyDatabaseToBatchQuartzAndPlatformTables() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("fresh"), "sa", "");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.success).isTrue();
        // Every versioned script in db/migration, whichever features added them.
        assertThat(first.migrationsExecuted).isEqualTo(versionedScripts()).isGreaterThanOrEqualTo(4);
        assertThat(second.migrationsExecuted).isZero();
        List<String> tables = new JdbcTemplate(dataSource).queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class);
        assertThat(tables).contains("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
                "BATCH_STEP_EXECUTION_CONTEXT", "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_LOCKS",
                "P21_RUN", "P21_PHASE_RUN", "P21_AGENT_RESULT");
        List<String> indexes = new JdbcTemplate(dataSource).queryForList(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'P21_AGENT_RESULT'", String.class);
        assertThat(indexes).contains("P21_AGENT_RESULT_AGENT_STARTED", "P21_AGENT_RESULT_STATUS_ENDED");
    }

    private static int versionedScripts() {
        try (var files = java.nio.file.Files.list(Path.of("db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
