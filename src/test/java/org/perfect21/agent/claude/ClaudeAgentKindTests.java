package org.perfect21.agent.claude;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.RunWorkspaces;
import org.perfect21.agent.AgentSettings.SettingProblem;
import org.perfect21.testing.Defaults;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Preparing a Claude Code agent: the command line its definition gives, and every definition error, found without
 * running (or having) the CLI.
 */
class ClaudeAgentKindTests {

    private final ClaudeAgentKind kind = new ClaudeAgentKind(Defaults.templates(), new ClaudeSetup(
            new ClaudeProperties("/not/installed/claude", "dontAsk", Map.of(), DataSize.ofMegabytes(4)), Map.of(),
            new RunWorkspaces(Path.of("workspaces")), JsonMapper.builder().build()));

    @Test
    void itIsTheKindOfAgentsThatNameNone() {
        assertThat(kind.name()).isEqualTo("claude");
    }

    @Test
    void theCommandLineCarriesEveryFlagTheDefinitionGives() {
        ClaudeFlags flags = flags(Map.of("model", "opus", "tools", List.of("Read", "Bash(git *)"),
                "disallowedTools", "WebFetch", "maxTurns", 5L, "permissionMode", "plan", "systemPrompt", "replace"));

        assertThat(flags.argv("claude", "--- the body")).containsExactly("claude", "-p", "--output-format=json",
                "--model=opus", "--max-turns=5", "--allowedTools=Read", "--allowedTools=Bash(git *)",
                "--disallowedTools=WebFetch", "--permission-mode=plan", "--system-prompt=--- the body");
    }

    @Test
    void aBareDefinitionGetsTheConfiguredPermissionModeAndAppendsItsBody() {
        ClaudeFlags flags = flags(Map.of("model", "inherit"));

        assertThat(flags.argv("claude", "Body.")).containsExactly("claude", "-p", "--output-format=json",
                "--permission-mode=dontAsk", "--append-system-prompt=Body.");
        assertThat(flags.argv("claude", "")).doesNotContain("--append-system-prompt=");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("definitionErrors")
    void aDefinitionErrorNamesTheKey(String key, Object value, String message) {
        AgentSettings settings = settings(Map.of(key, value));

        kind.prepare(ClaudeDefinitions.definition(settings), settings);

        assertThat(settings.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(key);
            assertThat(problem.message()).contains(message);
        });
    }

    static Stream<Arguments> definitionErrors() {
        return Stream.of(
                arguments("disallowedTools", 5L, "must be names"),
                arguments("disallowedTools", List.of("Bash", Map.of("x", 1L)), "a list holding a mapping"),
                arguments("maxTurns", 0L, "0 is out of range 1..100000"),
                arguments("maxTurns", -3L, "-3 is out of range"),
                arguments("maxTurns", 2.5, "'2.5' is not a whole number"),
                arguments("maxTurns", "many", "'many' is not a whole number"),
                arguments("permissionMode", "yolo", "'yolo' is not a permission mode of Claude Code (default, acceptEdits, auto,"
                        + " bypassPermissions, dontAsk, manual, plan)"),
                arguments("systemPrompt", "prepend", "'prepend' is neither append"),
                arguments("model", 5L, "'5' is not a model"),
                arguments("model", true, "'true' is not a model"),
                arguments("model", "two words", "'two words' is not a model"),
                arguments("workdir", "{{#open}}", "malformed template"),
                arguments("env", List.of("A=b"), "must be a mapping"));
    }

    @Test
    void preparingNeverRunsTheCli() {
        AgentSettings settings = settings(Map.of("model", "sonnet", "maxTurns", 3L));

        assertThat(kind.prepare(ClaudeDefinitions.definition(settings), settings)).isNotNull();

        assertThat(settings.problems()).extracting(SettingProblem::message).isEmpty();
    }

    private ClaudeFlags flags(Map<String, Object> keys) {
        AgentSettings settings = settings(keys);
        ClaudeAgent agent = (ClaudeAgent) kind.prepare(ClaudeDefinitions.definition(settings), settings);
        assertThat(settings.problems()).isEmpty();
        return agent.flags();
    }

    private static AgentSettings settings(Map<String, Object> values) {
        return new AgentSettings(new HashMap<>(values), Map.of());
    }
}
