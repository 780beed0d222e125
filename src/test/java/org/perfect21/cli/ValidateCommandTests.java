package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate}, and the definition and parameter errors of {@code run}, through the command line
 * as a user types it, with a temporary data and jobs directory.
 */
class ValidateCommandTests {

    @TempDir
    Path tmp;

    private Path dataDir;
    private Path jobsDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void validJobsDirectory() throws IOException {
        dataDir = tmp.resolve("data");
        jobsDir = tmp.resolve("jobs");
        write(jobsDir.resolve("agents/helper.md"), """
                ---
                name: helper
                description: helps
                kind: simulated
                ---
                Help with {{params.topic}}.
                """);
        write(jobsDir.resolve("workflows/hello.yml"), """
                name: hello
                parameters:
                  topic: {type: string, default: testing}
                phases:
                  - name: only
                    agents: [helper]
                """);
    }

    @Test
    void validateOnAValidJobsDirectoryPrintsWhatItFoundAndSucceeds() {
        // when
        int exit = cli("validate");

        // then
        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("valid: 1 agent, 1 workflow");
        assertThat(dataDir.resolve("perfect21.mv.db")).as("validating never opens the database").doesNotExist();
    }

    @Test
    void validateOnAnInvalidWorkflowFailsAndNamesTheFileAndField() throws IOException {
        // given
        Path broken = write(jobsDir.resolve("workflows/broken.yml"), """
                name: broken
                phases:
                  - name: only
                    timeout: soon
                    agents: [helper]
                """);

        // when
        int exit = cli("validate");

        // then
        assertThat(exit).isEqualTo(Perfect21Cli.USAGE);
        assertThat(err()).contains(broken + ":4: phases[0].timeout: 'soon'");
        assertThat(out()).doesNotContain("valid:");
    }

    @Test
    void validateNamesAnAutoPhaseWhosePoolIsTooSmallAndFails() throws IOException {
        // given
        Path broken = write(jobsDir.resolve("workflows/chooser.yml"), """
                name: chooser
                parameters:
                  topic: {type: string, default: testing}
                phases:
                  - name: only
                    agents:
                      auto:
                        task: "{{params.topic}}"
                        always: [helper]
                """);

        // when
        int exit = cli("validate");

        // then
        assertThat(exit).isEqualTo(Perfect21Cli.USAGE);
        assertThat(err()).contains(broken + ":7: phases[0].agents.auto.counts: the largest count is 8 (counts: simple 4,"
                + " standard 6, complex 8) but the pool and always hold only 1 agent");
        assertThat(out()).doesNotContain("valid:");
    }

    @Test
    void validateNamesEveryHttpAgentErrorWithItsLineAndNeverRepeatsAKey() throws IOException {
        // given
        String key = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123";
        Path broken = write(jobsDir.resolve("agents/asker.md"), """
                ---
                name: asker
                description: asks a model
                kind: http
                provider: gemini
                baseUrl: ftp://models.example
                temperature: 7
                apiKey: %s
                ---
                Ask.
                """.formatted(key));
        Path modelless = write(jobsDir.resolve("agents/modelless.md"), """
                ---
                name: modelless
                description: names no model
                kind: http
                provider: openai
                ---
                Ask.
                """);

        // when
        int exit = cli("validate");

        // then
        assertThat(exit).isEqualTo(Perfect21Cli.USAGE);
        assertThat(err()).contains(broken + ":5: provider: 'gemini' is not a provider", broken + ":6: baseUrl: 'ftp://models.example'",
                broken + ":7: temperature: 7.0 is out of range", broken + ":8: apiKey: an API key must not be written",
                modelless + ": model: an http agent needs a model");
        assertThat(err() + out()).doesNotContain(key);
    }

    @Test
    void validateOfASingleWorkflowFileChecksItAgainstTheAgentLibrary() throws IOException {
        // given
        Path single = write(tmp.resolve("elsewhere/single.yml"), """
                name: single
                phases:
                  - name: only
                    agents: [helper, {name: inline, kind: simulated}]
                """);

        // when
        int exit = cli("validate", single.toString());

        // then
        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("valid: 1 agent, 1 workflow");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        // when
        int exit = cli("validate", "--bogus");

        // then
        assertThat(exit).isEqualTo(Perfect21Cli.USAGE);
        assertThat(err()).contains("--bogus");
    }

    @Test
    void runningAnUnknownWorkflowIsAUsageError() {
        // when
        int exit = cli("run", "nonexistent");

        // then
        assertThat(exit).isEqualTo(Perfect21Cli.USAGE);
        assertThat(err()).contains("unknown workflow 'nonexistent'", "hello");
    }

    @Test
    void runningWithAnUnknownParameterFailsBeforeAnyRunIsRecorded() throws SQLException {
        // when
        int exit = cli("run", "hello", "--param", "colour=red");

        // then
        assertThat(exit).isEqualTo(Perfect21Cli.USAGE);
        assertThat(err()).contains("unknown parameter 'colour'", "known: topic");
        assertThat(runRows()).isZero();
    }

    /** The control for the test above: the same table does see a run that passes validation. */
    @Test
    void aRunWithValidParametersIsRecordedInTheRunTable() throws SQLException {
        // when
        int exit = cli("run", "hello", "--param", "topic=parsing");

        // then
        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("workflow hello  COMPLETED");
        assertThat(runRows()).isEqualTo(1);
    }

    private int cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--perfect21.data-dir=" + dataDir;
        all[args.length + 1] = "--perfect21.jobs-dir=" + jobsDir;
        return new Perfect21Cli(org.perfect21.Perfect21Application.class, print(out), print(err)).execute(all);
    }

    /** Rows of P21_RUN, read from the CLI's file database once the CLI has closed it. */
    private long runRows() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("perfect21") + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM P21_RUN")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
