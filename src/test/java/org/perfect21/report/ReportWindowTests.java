package org.perfect21.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.perfect21.testing.Migrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code -- window:} header: how it is declared, and the bounds the runner derives from it once a run. */
class ReportWindowTests {

    static final Instant NOW = Instant.parse("2026-11-28T12:20:00Z");
    static SingleConnectionDataSource dataSource;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:window-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Migrations.migrateH2(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.destroy();
    }

    // ---------------------------------------------------------------- the bounds

    @Test
    void theRolledUpPartIsTheWholeHoursInsideTheWindowWhenTheRollupIsPastIt() {
        assertThat(bounds("2026-11-28T08:15:00Z", "2026-11-28T11:40:00Z", "2026-11-28T12:00:00Z"))
                .containsExactly("2026-11-28T09:00:00Z", "2026-11-28T11:00:00Z");
    }

    @Test
    void aRollupBehindTheWindowsEndEndsTheRolledUpPartWhereItHasGot() {
        assertThat(bounds("2026-11-28T08:15:00Z", "2026-11-28T11:40:00Z", "2026-11-28T10:00:00Z"))
                .containsExactly("2026-11-28T09:00:00Z", "2026-11-28T10:00:00Z");
    }

    @Test
    void aWindowOnWholeHoursIsRolledUpWhole() {
        assertThat(bounds("2026-11-28T08:00:00Z", "2026-11-28T11:00:00Z", "2026-11-28T12:00:00Z"))
                .containsExactly("2026-11-28T08:00:00Z", "2026-11-28T11:00:00Z");
    }

    @Test
    void withoutARolledUpHourInTheWindowTheRawTablesAnswerForAllOfIt() {
        // Nothing rolled up yet, a rollup behind the window's start, less than an hour (inside one, across the start of
        // one), and from after to: both bounds are the window's end.
        assertThat(bounds("2026-11-28T08:15:00Z", "2026-11-28T11:40:00Z", "1970-01-01T00:00:00Z"))
                .containsExactly("2026-11-28T11:40:00Z", "2026-11-28T11:40:00Z");
        assertThat(bounds("2026-11-28T08:15:00Z", "2026-11-28T11:40:00Z", "2026-11-28T08:00:00Z"))
                .containsExactly("2026-11-28T11:40:00Z", "2026-11-28T11:40:00Z");
        assertThat(bounds("2026-11-28T08:15:00Z", "2026-11-28T08:45:00Z", "2026-11-28T12:00:00Z"))
                .containsExactly("2026-11-28T08:45:00Z", "2026-11-28T08:45:00Z");
        assertThat(bounds("2026-11-28T08:30:00Z", "2026-11-28T09:20:00Z", "2026-11-28T12:00:00Z"))
                .containsExactly("2026-11-28T09:20:00Z", "2026-11-28T09:20:00Z");
        assertThat(bounds("2026-11-28T11:00:00Z", "2026-11-28T08:00:00Z", "2026-11-28T12:00:00Z"))
                .containsExactly("2026-11-28T08:00:00Z", "2026-11-28T08:00:00Z");
    }

    @Test
    void boundsAreUtcHoursWhateverTheOffsetTheWindowWasGivenIn() {
        // 13:45+05:30 is 08:15Z; a zone with a half-hour offset must not make 08:30Z a "whole hour".
        assertThat(bounds("2026-11-28T13:45:00+05:30", "2026-11-28T17:10:00+05:30", "2026-11-28T12:00:00Z"))
                .containsExactly("2026-11-28T09:00:00Z", "2026-11-28T11:00:00Z");
    }

    private static List<String> bounds(String from, String to, String rolledTo) {
        Map<String, Object> bounds = ReportWindow.bounds(OffsetDateTime.parse(from), OffsetDateTime.parse(to), Instant.parse(rolledTo));
        return List.of(((OffsetDateTime) bounds.get("rollup_from")).toInstant().toString(),
                ((OffsetDateTime) bounds.get("rollup_to")).toInstant().toString());
    }

    // ---------------------------------------------------------------- the runner

    @Test
    void theRunnerDerivesTheBoundsFromTheRollupMarkAndBindsThem() {
        jdbc.update("UPDATE P21_ROLLUP SET ROLLED_TO = ? WHERE NAME = 'hourly'", OffsetDateTime.parse("2026-11-28T10:00:00Z"));

        ReportResult result = runner().run("window-bounds", Map.of("since", "2026-11-28T08:15:00Z", "until", "now"));

        assertThat(result.rows()).containsExactly(Map.of("since", Instant.parse("2026-11-28T08:15:00Z"),
                "rollup_from", Instant.parse("2026-11-28T09:00:00Z"), "rollup_to", Instant.parse("2026-11-28T10:00:00Z"),
                "until", NOW));
        assertThat(result.params()).as("the derived bounds are not the caller's parameters").containsOnlyKeys("since", "until");
    }

    @Test
    void withoutARollupMarkNothingIsRolledUp() {
        jdbc.update("DELETE FROM P21_ROLLUP");
        try {
            ReportResult result = runner().run("window-bounds", Map.of("since", "2026-11-28T08:15:00Z"));

            assertThat(result.rows().get(0)).containsEntry("rollup_from", NOW).containsEntry("rollup_to", NOW);
        } finally {
            jdbc.update("INSERT INTO P21_ROLLUP (NAME, ROLLED_TO) VALUES ('hourly', ?)", OffsetDateTime.parse("1970-01-01T00:00:00Z"));
        }
    }

    @Test
    void aCallerCannotGiveTheDerivedBounds() {
        assertThatThrownBy(() -> runner().run("window-bounds", Map.of("rollup_from", "2026-11-28T00:00:00Z", "rollup_to", "now")))
                .isInstanceOfSatisfying(InvalidReportParametersException.class, e -> {
                    assertThat(e.parameters()).containsExactly("rollup_from", "rollup_to");
                    assertThat(e.problems().get("rollup_from")).contains("no such parameter", "(it has: since, until)");
                });
    }

    private static ReportRunner runner() {
        return new ReportRunner(new ReportCatalog("classpath*:report-fixtures/*.sql"), dataSource,
                new DataSourceTransactionManager(dataSource), new ReportProperties(10, Duration.ofSeconds(10)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- the header

    @Test
    void theHeaderNamesTheWindowAndItsNotesStayOutOfTheDescription() {
        ReportDefinition report = new ReportCatalog("classpath*:report-fixtures/*.sql").get("window-bounds");

        assertThat(report.window()).isEqualTo(new ReportWindow("since", "until"));
        assertThat(report.description()).isEqualTo("The window and the bounds the runner derives from it, as bound.");
        assertThat(report.parameters()).extracting(ReportParameter::name).containsExactly("since", "until");
        assertThat(new ReportCatalog("classpath*:report-fixtures/*.sql").get("runs-by-status").window()).isNull();
    }

    @Test
    void aWindowThatCannotBeUsedIsRefusedWithFileAndLine() {
        String params = "-- title: X\n-- param: from timestamp = now-1d # a\n-- param: to timestamp = now # b\n";
        String body = "SELECT 1 FROM P21_RUN WHERE CREATED_AT >= :from AND CREATED_AT < :to AND CREATED_AT >= :rollup_from"
                + " AND CREATED_AT < :rollup_to";
        assertThat(parse(params + "-- window: from, to\n" + body).window()).isEqualTo(new ReportWindow("from", "to"));
        assertThatThrownBy(() -> parse(params + "-- window: from to\n" + body))
                .hasMessage("x.sql:4: 'window: from to' is not 'window: <from parameter>, <to parameter>'");
        assertThatThrownBy(() -> parse(params + "-- window: from, from\n" + body))
                .hasMessage("x.sql:4: the window needs two parameters, from and to, not 'from' twice");
        assertThatThrownBy(() -> parse(params + "-- window: from, to\n-- window: from, to\n" + body))
                .hasMessage("x.sql:5: the window is declared twice (first on line 4)");
        assertThatThrownBy(() -> parse(params + "-- window: from, until\n" + body))
                .hasMessage("x.sql:4: window parameter 'until' is not declared in a '-- param:' line");
        assertThatThrownBy(() -> parse(params + "-- param: n integer = 1 # c\n-- window: from, n\n"
                + body + " AND :n = 1")).hasMessage("x.sql:5: window parameter 'n' is integer, not timestamp");
        assertThatThrownBy(() -> parse(params + "-- param: since timestamp = # c\n-- window: since, to\n"
                + body + " AND :since IS NOT NULL")).hasMessage("x.sql:5: window parameter 'since' may be not set; give it a"
                + " default or make it required");
        assertThatThrownBy(() -> parse(params + "-- param: rollup_to timestamp = now # c\n-- window: from, to\n" + body))
                .hasMessage("x.sql:5: parameter 'rollup_to' is derived from the window and cannot be declared");
        assertThatThrownBy(() -> parse(params + "-- window: from, to\nSELECT 1 FROM P21_RUN WHERE CREATED_AT >= :from"
                + " AND CREATED_AT < :to AND CREATED_AT < :rollup_from"))
                .hasMessage("x.sql:4: the window is declared but :rollup_to is not used");
        assertThatThrownBy(() -> parse(params + body))
                .hasMessage("x.sql: :rollup_from is used but not declared in a '-- param:' line; it is derived from the window:"
                        + " declare one with '-- window: <from>, <to>'");
    }

    private static ReportDefinition parse(String text) {
        return ReportFileParser.parse("x", "x.sql", text);
    }
}
