package org.perfect21.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped report file loads in the engine and follows the conventions of db/reports. */
class ReportFileTests {

    static final List<String> REPORTS = List.of("agent-performance", "cache", "context-usage", "cost", "failures", "gates", "retention", "slo",
            "throughput", "workflow-summary");

    @Test
    void everyReportIsOnTheClasspathAndDocumentsItself() {
        List<ReportDefinition> reports = List.copyOf(ReportSqlSupport.all());
        assertThat(reports).extracting(ReportDefinition::name).containsExactlyElementsOf(REPORTS);
        for (ReportDefinition report : reports) {
            assertThat(report.title()).as(report.name()).isNotBlank();
            assertThat(report.description()).as(report.name()).isNotBlank();
            assertThat(report.sql()).as(report.name()).containsIgnoringCase("ORDER BY");
            for (ReportParameter param : report.parameters()) {
                assertThat(param.description()).as(report.name() + " " + param.name()).isNotBlank();
                // Optional filters must be typed for PostgreSQL: CAST(:name AS ...) IS NULL, never a bare :name IS NULL.
                assertThat(ReportFileParser.codeOnly(report.sql())).as(report.name())
                        .doesNotContainPattern(":" + param.name() + "\\s+IS\\s+NULL");
            }
        }
    }

    @Test
    void theReportsThatReadTheRollupsDeclareTheirWindowAndKeepItsNotesOutOfTheDescription() {
        List<String> rolledUp = List.of("agent-performance", "cache", "slo", "throughput");
        for (ReportDefinition report : ReportSqlSupport.all()) {
            if (rolledUp.contains(report.name())) {
                assertThat(report.window()).as(report.name()).isEqualTo(new ReportWindow("from", "to"));
                assertThat(report.sql()).as(report.name()).contains(":rollup_from", ":rollup_to").doesNotContain("P21_ROLLUP");
                assertThat(report.description()).as(report.name()).doesNotContain("rollup_from");
            } else {
                assertThat(report.window()).as(report.name()).isNull();
            }
        }
    }

    @Test
    void headersDeclareTheirParameters() {
        ReportDefinition summary = ReportSqlSupport.report("workflow-summary");
        assertThat(summary.title()).isEqualTo("Workflow summary");
        assertThat(summary.parameters()).containsExactly(
                new ReportParameter("from", ParameterType.TIMESTAMP, false, "now-7d", "runs created at or after this instant"),
                new ReportParameter("to", ParameterType.TIMESTAMP, false, "now", "runs created before this instant"),
                new ReportParameter("workflow", ParameterType.TEXT, false, null, "one workflow only; every workflow when not set"));
        assertThat(ReportSqlSupport.report("failures").parameter("limit"))
                .isEqualTo(new ReportParameter("limit", ParameterType.INTEGER, false, "100", "at most this many rows"));
        ReportDefinition slo = ReportSqlSupport.report("slo");
        assertThat(slo.parameters()).extracting(ReportParameter::name)
                .containsExactly("from", "to", "agent_p95_ms", "run5_p95_ms", "success_rate", "cache_hit_rate");
        assertThat(slo.parameter("success_rate").type()).isEqualTo(ParameterType.NUMBER);
    }
}
