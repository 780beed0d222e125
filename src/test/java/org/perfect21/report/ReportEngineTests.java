package org.perfect21.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.perfect21.testing.Migrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report engine on reports written for it (src/test/resources/report-fixtures), over an H2 database migrated by Flyway. */
class ReportEngineTests {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static SingleConnectionDataSource dataSource;
    static JdbcTemplate jdbc;

    ReportRunner runner;

    @BeforeAll
    static void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Migrations.migrateH2(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.destroy();
    }

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM P21_RUN");
        run("r1", "nightly", "COMPLETED", NOW.minus(Duration.ofHours(1)));
        run("r2", "nightly", "COMPLETED", NOW.minus(Duration.ofHours(2)));
        run("r3", "nightly", "FAILED", NOW.minus(Duration.ofHours(3)));
        run("r4", "adhoc", "COMPLETED", NOW.minus(Duration.ofDays(2)));
        run("r5", "adhoc", "COMPLETED", NOW.minus(Duration.ofDays(9)));
        runner = runner(10);
    }

    private static void run(String id, String workflow, String status, Instant created) {
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, CREATED_AT) VALUES (?, ?, ?, ?)", id, workflow, status,
                created.atOffset(ZoneOffset.UTC));
    }

    private static ReportRunner runner(int maxRows) {
        return new ReportRunner(new ReportCatalog("classpath*:report-fixtures/*.sql"), dataSource,
                new DataSourceTransactionManager(dataSource), new ReportProperties(maxRows, Duration.ofSeconds(10)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theHeaderGivesTitleDescriptionAndTypedParametersWithDefaults() {
        ReportDefinition report = new ReportCatalog("classpath*:report-fixtures/*.sql").get("runs-by-status");

        assertThat(report.title()).isEqualTo("Runs by status");
        assertThat(report.description()).isEqualTo("How many runs of each status were created in the window, optionally of one workflow.");
        assertThat(report.parameters()).containsExactly(
                new ReportParameter("from", ParameterType.TIMESTAMP, false, "now-7d", "runs created at or after"),
                new ReportParameter("to", ParameterType.TIMESTAMP, false, "now", "runs created before"),
                new ReportParameter("workflow", ParameterType.TEXT, false, null, "one workflow only; every workflow when not set"),
                new ReportParameter("min_runs", ParameterType.INTEGER, false, "1", "statuses with fewer runs are left out"));
        assertThat(report.sql()).startsWith("SELECT").doesNotEndWith(";");
    }

    @Test
    void defaultsApplyAndRowsComeByLowerCaseColumn() {
        ReportResult result = runner.run("runs-by-status", Map.of());

        assertThat(result.columns()).containsExactly("status", "runs", "first_created");
        assertThat(result.rows()).containsExactly(
                row("status", "COMPLETED", "runs", 3L, "first_created", NOW.minus(Duration.ofDays(2))),
                row("status", "FAILED", "runs", 1L, "first_created", NOW.minus(Duration.ofHours(3))));
        assertThat(result.params()).containsEntry("from", NOW.minus(Duration.ofDays(7))).containsEntry("to", NOW)
                .containsEntry("workflow", null).containsEntry("min_runs", 1L);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void givenParametersAreParsedByTypeAndBound() {
        ReportResult result = runner.run("runs-by-status", Map.of("from", "2026-11-01", "workflow", "nightly", "min_runs", "2"));

        assertThat(result.rows()).containsExactly(row("status", "COMPLETED", "runs", 2L, "first_created", NOW.minus(Duration.ofHours(2))));
        assertThat(result.params()).containsEntry("from", Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aValueIsBoundNeverWrittenIntoTheStatement() {
        ReportResult result = runner.run("runs-by-status", Map.of("workflow", "nightly' OR '1'='1"));

        assertThat(result.rows()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class)).isEqualTo(5);
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> runner.run("runs-by-status", Map.of("from", "yesterday", "min_runs", "two", "colour", "red")))
                .isInstanceOfSatisfying(InvalidReportParametersException.class, e -> {
                    assertThat(e.parameters()).containsExactly("colour", "from", "min_runs");
                    assertThat(e.problems().get("from")).contains("'yesterday' is not an instant");
                    assertThat(e.problems().get("min_runs")).contains("'two' is not a whole number");
                    assertThat(e.problems().get("colour")).contains("no such parameter", "from, to, workflow, min_runs");
                });
    }

    @Test
    void anUnknownReportNamesTheOnesThatExist() {
        assertThatThrownBy(() -> runner.run("nope", Map.of()))
                .isInstanceOf(NoSuchReportException.class).hasMessageContaining("'nope'").hasMessageContaining("runs-by-status");
    }

    @Test
    void aReportCannotModifyDataEvenWhenItsStatementTries() {
        ReportResult result = runner.run("sneaky-delete", Map.of());

        assertThat(result.rows()).as("the statement did delete, inside its transaction").containsExactly(row("deleted", 5L));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN", Integer.class)).as("and it was rolled back").isEqualTo(5);
    }

    @Test
    void rowsBeyondTheLimitAreCutAndSaidSo() {
        ReportResult result = runner(1).run("runs-by-status", Map.of());

        assertThat(result.rows()).hasSize(1);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void csvHasAHeaderRowAndQuotesWhatNeedsIt() {
        ReportResult result = new ReportResult("r", Map.of(), List.of("name", "note", "at"), List.of(
                row("name", "a", "note", "plain", "at", NOW),
                row("name", "b", "note", "with, comma and \"quotes\"", "at", null)), false);

        assertThat(ReportCsv.write(result)).isEqualTo("name,note,at\n"
                + "a,plain,2026-11-28T12:00:00Z\n"
                + "b,\"with, comma and \"\"quotes\"\"\",\n");
        assertThat(ReportCsv.write(new ReportResult("r", Map.of(), List.of("x", "y"), List.of(), false))).isEqualTo("x,y\n");
    }

    @Test
    void timestampsAcceptInstantsDatesAndTimesBeforeNow() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(ParameterType.TIMESTAMP.parse("now", clock)).isEqualTo(NOW.atOffset(ZoneOffset.UTC));
        assertThat(ParameterType.TIMESTAMP.parse("now-24h", clock)).isEqualTo(NOW.minus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC));
        assertThat(ParameterType.TIMESTAMP.parse("now - 30m", clock)).isEqualTo(NOW.minus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC));
        assertThat(ParameterType.TIMESTAMP.parse("2026-11-01T10:00:00+02:00", clock))
                .isEqualTo(OffsetDateTime.parse("2026-11-01T08:00:00Z"));
        assertThat(ParameterType.BOOLEAN.parse("TRUE", clock)).isEqualTo(true);
        assertThat(ParameterType.NUMBER.parse("0.95", clock)).isEqualTo(0.95);
        assertThatThrownBy(() -> ParameterType.NUMBER.parse("NaN", clock)).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> ParameterType.TIMESTAMP.parse("now+1d", clock)).hasMessageContaining("now-7d");
    }

    @Test
    void filesThatAreNotOneSelectOrWhoseParametersDoNotMatchAreRefusedWithFileAndLine() {
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\nDELETE FROM P21_RUN"))
                .isInstanceOf(InvalidReportException.class).hasMessage("x.sql:2: a report is one SELECT statement, not DELETE");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\nWITH a AS (SELECT 1 AS n) SELECT n FROM a"))
                .hasMessageContaining("WITH is not supported").hasMessageContaining("derived tables");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\nSELECT 1; DELETE FROM P21_RUN"))
                .hasMessageContaining("';' may only end it");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "SELECT 1"))
                .hasMessage("x.sql:1: the header needs a '-- title: ...' line");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\n-- param: since date\nSELECT :since"))
                .hasMessage("x.sql:2: parameter 'since' has unknown type 'date' (timestamp, text, integer, number, boolean)");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\n-- param: n integer = many\nSELECT :n"))
                .hasMessage("x.sql:2: default of 'n': 'many' is not a whole number");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\n-- param: n integer\nSELECT 1"))
                .hasMessageContaining("'n' is declared but not used");
        assertThatThrownBy(() -> ReportFileParser.parse("x", "x.sql", "-- title: X\nSELECT :n"))
                .hasMessageContaining(":n is used but not declared");
        assertThat(ReportFileParser.parse("x", "x.sql", "-- title: X\n-- param: n integer\nSELECT CAST(:n AS INT)::text, 'a;:b' -- :c;\n;")
                .sql()).isEqualTo("SELECT CAST(:n AS INT)::text, 'a;:b' -- :c;");
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
