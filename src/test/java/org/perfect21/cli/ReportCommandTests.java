package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTests {

    @TempDir
    Path dir;

    @Test
    void withoutANameTheReportsAreListedWithTheirParameters() {
        Result result = cli("report");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("workflow-summary", "agent-performance", "failures", "throughput", "slo",
                "context-usage", "cache", "retention", "--param from=<timestamp> (= now-");
    }

    @Test
    void aReportPrintsAsTableCsvOrJson() {
        assertThat(cli("run", "feature-development").exit()).isZero();

        Result table = cli("report", "workflow-summary");
        Result csv = cli("report", "workflow-summary", "--format", "csv", "--param", "workflow=feature-development");
        Result json = cli("report", "workflow-summary", "--format", "json", "--param", "from=now-1h");

        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("workflow").contains("feature-development", "(1 row)");
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
        Result unknown = cli("report", "nope");
        Result bad = cli("report", "workflow-summary", "--param", "from=yesterday", "--param", "colour=red");
        Result format = cli("report", "workflow-summary", "--format", "xml");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no report named 'nope'", "workflow-summary");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("error: --param from: 'yesterday' is not an instant", "error: --param colour: ");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("xml");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs"))
                .toArray(String[]::new);
        int exit = new Perfect21Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
