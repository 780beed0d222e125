package org.perfect21.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.testing.DocumentedExample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTests {

    @TempDir
    Path dir;

    @Test
    void withoutANameTheReportsAreListedOneLineEach() {
        CliCall result = cli("report");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().lines()).contains("failures           Failures", "workflow-summary   Workflow summary",
                "(10 reports; perfect21 report NAME runs one)").hasSize(11);
        assertThat(result.out()).contains("agent-performance", "throughput", "slo", "context-usage", "cache", "retention",
                "cost", "gates").doesNotContain("--param");
    }

    @Test
    void aReportPrintsAsTableCsvOrJson() {
        assertThat(cli("run", "feature-development").exit()).isZero();

        CliCall table = cli("report", "workflow-summary");
        CliCall csv = cli("report", "workflow-summary", "--format", "csv", "--param", "workflow=feature-development");
        CliCall json = cli("report", "workflow-summary", "--format", "json", "--param", "from=now-1h");

        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("workflow").contains("feature-development", "(1 row)");
        DocumentedExample.assertMatches(DocumentedExample.in(DocumentedCommandLineTests.PAGE, "report-workflow-summary"), table.out());
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().split("\n")).hasSize(2);
        assertThat(csv.out().split("\n")[1]).startsWith("feature-development,1,");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode document = new JsonMapper().readTree(json.out());
        assertThat(document.path("rows").get(0).path("workflow").asString()).isEqualTo("feature-development");
        assertThat(document.path("rows").get(0).path("runs").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownReportOrABadParameterIsAUsageErrorNamingIt() {
        CliCall unknown = cli("report", "nope");
        CliCall bad = cli("report", "workflow-summary", "--param", "from=yesterday", "--param", "colour=red");
        CliCall format = cli("report", "workflow-summary", "--format", "xml");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no report named 'nope'", "workflow-summary");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("error: --param from: 'yesterday' is not an instant", "error: --param colour: ");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("xml");
    }

    @Test
    void theBoundsAReportDerivesFromItsWindowAreNotParameters() {
        CliCall given = cli("report", "throughput", "--param", "rollup_from=now-1d");

        assertThat(given.exit()).isEqualTo(2);
        assertThat(given.err()).contains("error: --param rollup_from: ", "no such parameter", "it has: from, to")
                .doesNotContain("rollup_to");
    }

    private CliCall cli(String... args) {
        return CliCall.run(dir, args);
    }
}
