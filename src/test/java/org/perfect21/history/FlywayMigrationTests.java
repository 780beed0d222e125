package org.perfect21.history;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.testing.Migrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayMigrationTests {

    @TempDir
    Path dir;

    @Test
    void flywayMigratesAnEmptyDatabaseToBatchQuartzAndPlatformTables() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("fresh"), "sa", "");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(Migrations.H2).load();

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.success).isTrue();
        // Every versioned script H2 runs (db/migration/common and h2), whichever features added them.
        assertThat(first.migrationsExecuted).isEqualTo(versionedScripts()).isGreaterThanOrEqualTo(4);
        assertThat(second.migrationsExecuted).isZero();
        List<String> tables = new JdbcTemplate(dataSource).queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class);
        assertThat(tables).contains("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
                "BATCH_STEP_EXECUTION_CONTEXT", "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_LOCKS",
                "P21_RUN", "P21_PHASE_RUN", "P21_AGENT_RESULT", "P21_PURGE", "P21_PURGE_TABLE", "P21_RESULT_CACHE");
        List<String> indexes = new JdbcTemplate(dataSource).queryForList(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'P21_AGENT_RESULT'", String.class);
        assertThat(indexes).contains("P21_AGENT_RESULT_AGENT_STARTED", "P21_AGENT_RESULT_STATUS_ENDED");
        // V8: the result cache's cold tier, purged by expiry and reported by agent.
        assertThat(first.migrations).extracting(migration -> migration.version).contains("8");
        List<String> cacheIndexes = new JdbcTemplate(dataSource).queryForList(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'P21_RESULT_CACHE'", String.class);
        assertThat(cacheIndexes).contains("P21_RESULT_CACHE_EXPIRES", "P21_RESULT_CACHE_AGENT");
    }

    private static int versionedScripts() {
        return versionedScripts("common").size() + versionedScripts("h2").size();
    }

    static List<String> versionedScripts(String folder) {
        try (var files = java.nio.file.Files.list(Path.of("db/migration", folder))) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachVendorFolderHoldsTheSameVersionsUnderTheSameNames() {
        // Spring Batch's and Quartz's schemas in each dialect, as V1 and V2 before the shared platform tables.
        assertThat(versionedScripts("postgresql")).isEqualTo(versionedScripts("h2"))
                .containsExactly("V1__spring_batch_6_schema.sql", "V2__quartz_2_5_tables.sql");
        assertThat(versionedScripts("common")).noneMatch(name -> name.startsWith("V1__") || name.startsWith("V2__"));
    }

    @Test
    void batchForeignKeysHaveOneIndexEachForThePurge() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("keys"), "sa", "");
        Flyway.configure().dataSource(dataSource).locations(Migrations.H2).load().migrate();

        // V5 indexes the columns (PostgreSQL does not on its own); H2 then uses them for its keys instead of indexes of its own.
        List<String> indexed = new JdbcTemplate(dataSource).queryForList("SELECT i.TABLE_NAME || '.' || c.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_NAME = i.INDEX_NAME"
                + " AND c.TABLE_NAME = i.TABLE_NAME WHERE i.TABLE_NAME IN ('BATCH_JOB_EXECUTION', 'BATCH_JOB_EXECUTION_PARAMS',"
                + " 'BATCH_STEP_EXECUTION') AND i.INDEX_TYPE_NAME = 'INDEX'", String.class);
        assertThat(indexed).containsExactlyInAnyOrder("BATCH_JOB_EXECUTION.JOB_INSTANCE_ID",
                "BATCH_JOB_EXECUTION_PARAMS.JOB_EXECUTION_ID", "BATCH_STEP_EXECUTION.JOB_EXECUTION_ID");
        List<String> keys = new JdbcTemplate(dataSource).queryForList("SELECT CONSTRAINT_NAME FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_NAME LIKE 'BATCH%'", String.class);
        assertThat(keys).contains("JOB_INST_EXEC_FK", "JOB_EXEC_PARAMS_FK", "JOB_EXEC_STEP_FK", "STEP_EXEC_CTX_FK", "JOB_EXEC_CTX_FK");
    }
}
