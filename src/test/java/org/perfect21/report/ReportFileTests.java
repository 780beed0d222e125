package org.perfect21.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every report file follows the format the engine parses. */
class ReportFileTests {

    static final List<String> REPORTS = List.of("agent-performance", "cache", "context-usage", "failures", "retention", "slo",
            "throughput", "workflow-summary");

    @Test
    void everyReportIsOnTheClasspathAndParses() {
        List<ReportSqlSupport.Report> reports = ReportSqlSupport.all();
        assertThat(reports).extracting(ReportSqlSupport.Report::name).containsExactlyElementsOf(REPORTS);
        for (ReportSqlSupport.Report report : reports) {
            assertThat(report.name()).matches("[a-z][a-z0-9-]*");
            assertThat(report.title()).as(report.name()).isNotBlank();
            assertThat(report.description()).as(report.name()).isNotBlank();
            assertThat(report.sql()).as(report.name()).containsIgnoringCase("ORDER BY");
            for (ReportSqlSupport.Param param : report.params()) {
                assertThat(param.description()).as(report.name() + " " + param.name()).isNotBlank();
                // Optional filters must be typed for PostgreSQL: CAST(:name AS ...) IS NULL, never a bare :name IS NULL.
                assertThat(ReportSqlSupport.code(report.sql())).as(report.name()).doesNotContainPattern(":" + param.name() + "\\s+IS\\s+NULL");
            }
        }
    }

    @Test
    void headersDeclareTheirParameters() {
        ReportSqlSupport.Report summary = ReportSqlSupport.report("workflow-summary");
        assertThat(summary.title()).isEqualTo("Workflow summary");
        assertThat(summary.params()).containsExactly(
                new ReportSqlSupport.Param("from", "timestamp", "now-7d", "runs created at or after this instant"),
                new ReportSqlSupport.Param("to", "timestamp", "now", "runs created before this instant"),
                new ReportSqlSupport.Param("workflow", "text", "", "one workflow only; every workflow when not set"));
        ReportSqlSupport.Report failures = ReportSqlSupport.report("failures");
        assertThat(failures.param("limit")).isEqualTo(new ReportSqlSupport.Param("limit", "integer", "100", "at most this many rows"));
        ReportSqlSupport.Report slo = ReportSqlSupport.report("slo");
        assertThat(slo.params()).extracting(ReportSqlSupport.Param::name)
                .containsExactly("from", "to", "agent_p95_ms", "run5_p95_ms", "success_rate", "cache_hit_rate");
        assertThat(slo.param("success_rate").type()).isEqualTo("number");
    }

    @Test
    void defaultsBindAsTheEngineBindsThem() {
        Instant now = Instant.parse("2026-11-10T12:00:00Z");
        ReportSqlSupport.Param from = new ReportSqlSupport.Param("from", "timestamp", "now-7d", "x");
        assertThat(ReportSqlSupport.value(from, "now-7d", now)).isEqualTo(OffsetDateTime.of(2026, 11, 3, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(ReportSqlSupport.value(from, "now-24h", now)).isEqualTo(OffsetDateTime.of(2026, 11, 9, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(ReportSqlSupport.value(from, "now-90s", now)).isEqualTo(OffsetDateTime.of(2026, 11, 10, 11, 58, 30, 0, ZoneOffset.UTC));
        assertThat(ReportSqlSupport.value(from, "2026-01-02T03:04:05Z", now))
                .isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertThat(ReportSqlSupport.value(new ReportSqlSupport.Param("limit", "integer", "100", "x"), "100", now)).isEqualTo(100L);
        assertThat(ReportSqlSupport.value(new ReportSqlSupport.Param("rate", "number", "0.95", "x"), "0.95", now)).isEqualTo(0.95);
        assertThat(ReportSqlSupport.value(new ReportSqlSupport.Param("workflow", "text", "", "x"), "", now)).isNull();
    }

    @Test
    void theParserRefusesWhatTheFormatForbids() {
        String header = "-- title: T\n-- description: D\n";
        assertThatThrownBy(() -> ReportSqlSupport.parse("x", header + "DELETE FROM P21_RUN")).hasMessageContaining("SELECT or WITH");
        assertThatThrownBy(() -> ReportSqlSupport.parse("x", header + "SELECT 1 AS a; SELECT 2 AS b"))
                .hasMessageContaining("one statement");
        assertThatThrownBy(() -> ReportSqlSupport.parse("x", header + "SELECT :a AS a")).hasMessageContaining("declared");
        assertThatThrownBy(() -> ReportSqlSupport.parse("x", header + "-- param: a text = # x\n-- param: b integer # y\nSELECT :a AS a"))
                .hasMessageContaining("declared");
        assertThatThrownBy(() -> ReportSqlSupport.parse("x", header + "-- param: Bad text\nSELECT :Bad AS a"))
                .hasMessageContaining("bad param");
        assertThatThrownBy(() -> ReportSqlSupport.parse("x", "-- title: T\nSELECT 1 AS a")).hasMessageContaining("description");
        ReportSqlSupport.Report ok = ReportSqlSupport.parse("x", header
                + "-- param: a text = # x\n-- param: b integer # y\nSELECT ':c' AS \"d:e\", :a AS a, :b AS b -- :f\n;\n");
        assertThat(ok.params()).extracting(ReportSqlSupport.Param::required).containsExactly(false, true);
        assertThat(ok.sql()).endsWith("-- :f");
    }
}
