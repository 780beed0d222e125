package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.Perfect21Application;
import org.perfect21.testing.DocumentedExample;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's documentation shows what the commands print today: every help text word for word, the
 * output of validate on the shipped definitions, and the README's copy of a shipped workflow. (The outputs of
 * run, run --json, purge and report are held against the pages by the tests that run those commands.)
 */
class DocumentedCommandLineTests {

    static final String PAGE = "src/docs/command-line.md";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "serve", "run", "restart", "watch", "runs", "show", "output", "validate", "purge", "report"})
    void theHelpOfEveryCommandIsDocumentedAsItPrints(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

        String printed = cli(args);

        assertThat(printed.strip()).isEqualTo(DocumentedExample.in(PAGE, command.isEmpty() ? "help" : "help-" + command).strip());
    }

    @Test
    void validateOnTheShippedDefinitionsPrintsWhatThePageShows() {
        String printed = cli("validate", "--perfect21.jobs-dir=jobs", "--perfect21.data-dir=" + dir.resolve("data"));

        assertThat(printed.strip()).isEqualTo(DocumentedExample.in(PAGE, "validate"));
    }

    @Test
    void theReadmeShowsTheShippedFeatureDevelopmentWorkflowWithoutItsComments() throws IOException {
        String shipped = Files.readAllLines(Path.of("jobs/workflows/feature-development.yml")).stream()
                .filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"));

        assertThat(DocumentedExample.in("README.md", "shipped-feature-development")).isEqualTo(shipped.strip());
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Perfect21Cli(Perfect21Application.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute(args);
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
