package org.perfect21.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.testing.DocumentedExample;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PurgeCommandTests {

    @TempDir
    Path dir;

    @Test
    void aDryRunCountsAndThePurgeDeletesRunsPastMaxAge() {
        CliCall run = cli("run", "feature-development");
        assertThat(run.exit()).isZero();
        // The README shows this table (what a terminal keeps once the live view is gone).
        DocumentedExample.assertMatches(DocumentedExample.in("README.md", "run-table"), run.table());

        // Every run that has ended is older than a max-age of 1 ms.
        CliCall dry = cli("purge", "--dry-run", "--perfect21.retention.max-age=1ms");
        CliCall purge = cli("purge", "--json", "--perfect21.retention.max-age=1ms");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("dry run: would delete 1 run,", "P21_AGENT_RESULT", "BATCH_JOB_INSTANCE",
                "or older than the newest 10000 runs");
        // The page shows this output, every table in the order the purge deletes from them.
        DocumentedExample.assertMatches(DocumentedExample.in(DocumentedCommandLineTests.PAGE, "purge-dry-run"), dry.out());
        assertThat(purge.exit()).as(purge.err()).isZero();
        JsonNode report = new JsonMapper().readTree(purge.out());
        assertThat(report.path("trigger").asString()).isEqualTo("cli");
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("runsDeleted").asLong()).isEqualTo(1);
        assertThat(report.path("rowsByTable").path("P21_AGENT_RESULT").asLong()).isPositive();
        assertThat(report.path("rowsByTable").path("BATCH_JOB_INSTANCE").asLong()).isEqualTo(1);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("data/perfect21"), "sa", ""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class)).isZero();
        // The dry run's record is older than 1 ms too, and went with the run.
        assertThat(report.path("rowsByTable").path("P21_PURGE").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT TRIGGERED_BY || ':' || DRY_RUN FROM P21_PURGE", String.class))
                .containsExactly("cli:FALSE");
    }

    @Test
    void aBadRetentionSettingIsOneLineNamingTheProperty() {
        CliCall result = cli("purge", "--perfect21.retention.cron=every day");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Perfect21 could not start: perfect21.retention.cron: 'every day'")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        CliCall result = cli("purge", "--everything");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--everything'", "Usage: perfect21 purge");
    }

    private CliCall cli(String... args) {
        return CliCall.run(dir, args);
    }
}
