package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.testing.DocumentedExample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTests {

    @TempDir
    Path dir;

    @Test
    void runWithJsonPrintsOnlyTheRunDocumentAndExitsZero() {
        PrintStream realOut = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        // Everything the process would print on stdout, logs included, lands in the buffer.
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exit = new Perfect21Cli(org.perfect21.Perfect21Application.class, System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8))
                    .execute("run", "feature-development", "--param", "feature=search", "--json",
                            "--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs",
                            "--logging.level.root=INFO");
        } finally {
            System.setOut(realOut);
        }

        assertThat(exit).as(stderr.toString()).isZero();
        JsonNode run = new JsonMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        // The page's example has this document's shape (every field, in order, of the same type).
        DocumentedExample.assertSameShape(new JsonMapper().readTree(DocumentedExample.in(DocumentedCommandLineTests.PAGE, "run-json")),
                run, "run");
        assertThat(fieldNames(run)).contains("runId", "workflow", "status", "startedAt", "endedAt", "durationMs", "phases", "context");
        assertThat(run.get("workflow").asString()).isEqualTo("feature-development");
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(run.get("startedAt").asString())).isBeforeOrEqualTo(Instant.parse(run.get("endedAt").asString()));
        assertThat(run.get("durationMs").isNumber()).isTrue();
        JsonNode phase = run.get("phases").get(0);
        assertThat(fieldNames(phase)).contains("name", "status", "durationMs", "agents");
        JsonNode agent = phase.get("agents").get(0);
        assertThat(fieldNames(agent)).contains("agent", "status", "startedAt", "endedAt", "durationMs", "attempts", "outputBytes", "error",
                "cacheHit", "cacheTier", "tokens");
        // Five analysis outputs of 15 KB, then the two reviewers': seven entries within the 150 KB budget.
        assertThat(run.get("context").get("budgetBytes").asLong()).isEqualTo(150 * 1024);
        assertThat(run.get("context").get("entries").asInt()).isEqualTo(7);
        assertThat(run.get("context").get("bytes").asLong()).isEqualTo(7 * 15 * 1024);
        assertThat(Instant.parse(agent.get("startedAt").asString())).isNotNull();
        assertThat(agent.get("outputBytes").asLong()).isEqualTo(15 * 1024);
        assertThat(agent.get("error").isNull()).isTrue();
        assertThat(Files.exists(dir.resolve("data/perfect21.mv.db"))).as("--perfect21.data-dir was honoured").isTrue();
    }

    @Test
    void aFailedRunExitsOneAndPrintsTheTable() throws IOException {
        Path workflow = dir.resolve("failing.yml");
        Files.writeString(workflow, """
                name: failing
                phases:
                  - name: doomed
                    agents: [{name: bad, kind: command, command: [sh, -c, "echo nope >&2; exit 4"]}]
                """);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int exit = new Perfect21Cli(org.perfect21.Perfect21Application.class, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .execute("run", workflow.toString(), "--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs");

        assertThat(exit).isEqualTo(1);
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("workflow failing  FAILED", "PHASE", "CACHE", "doomed", "bad", "exit code 4: nope",
                "context 0 B of 150.0 KB, 0 entries, 0 evicted, 0 cut");
    }

    @Test
    void aFailedRunIsAResultWithoutStackTracesUnlessDebugAsksForThem() throws IOException {
        Path workflow = dir.resolve("failing.yml");
        Files.writeString(workflow, """
                name: failing
                phases:
                  - name: doomed
                    agents: [{name: bad, kind: command, command: [sh, -c, "exit 4"]}]
                """);

        // Logs go to the process's stderr (the CLI's own lines to the call's).
        String quiet = stderrOf(() -> assertThat(CliCall.run(dir, "run", workflow.toString()).exit()).isEqualTo(1));
        String runId = CliCall.run(dir, "runs", "--limit", "1").out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        String restarted = stderrOf(() -> assertThat(CliCall.run(dir, "restart", runId).exit()).isEqualTo(1));
        String debug = stderrOf(() -> CliCall.run(dir, "run", workflow.toString(), "--debug"));
        String levelled = stderrOf(() -> CliCall.run(dir, "run", workflow.toString(), "--logging.level.org.springframework.batch=ERROR"));

        assertThat(quiet).isEmpty();
        assertThat(restarted).isEmpty();
        assertThat(debug).contains("Encountered an error executing step phase:doomed", "\tat org.springframework.batch");
        assertThat(levelled).contains("Encountered an error executing step phase:doomed");
    }

    private static String stderrOf(Runnable call) {
        PrintStream realErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setErr(realErr);
        }
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDefinitionErrorExitsTwoAndNamesTheFileAndField() throws IOException {
        Path workflow = dir.resolve("broken.yml");
        Files.writeString(workflow, """
                name: broken
                phases:
                  - name: p
                    minSuccess: 150%
                    agents: [{name: a, kind: simulated}]
                """);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exit = new Perfect21Cli(org.perfect21.Perfect21Application.class, new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .execute("run", workflow.toString(), "--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(workflow + ":4: phases[0].minSuccess: '150%'");
    }

    @Test
    void usageErrorsExitTwoWithoutStartingAnything() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exit = new Perfect21Cli(org.perfect21.Perfect21Application.class, new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .execute("run");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'WORKFLOW'", "Usage: perfect21 run");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
