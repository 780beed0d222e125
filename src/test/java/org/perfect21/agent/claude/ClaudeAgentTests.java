package org.perfect21.agent.claude;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentOutcome.Retry;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.RunWorkspaces;
import org.perfect21.testing.ClaudeCli;
import org.perfect21.testing.Defaults;
import org.perfect21.testing.MessagesApiStandIn;
import org.perfect21.testing.MessagesApiStandIn.RecordedRequest;
import org.perfect21.testing.MessagesApiStandIn.Reply;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The claude kind running the real Claude Code CLI against a loopback stand-in of the Messages API: what reaches the
 * model, what the outcome says (output, usage, model, how to retry), the process's environment and its end.
 */
class ClaudeAgentTests {

    @RegisterExtension
    static final MessagesApiStandIn api = new MessagesApiStandIn();

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void closeExecutor() {
        executor.shutdownNow();
    }

    /** What the model receives: the body as system prompt, the instruction as the user's message, the flags. */
    @Nested
    class WhatReachesTheModel {

        @Test
        void theInstructionIsTheUserMessageAndTheBodyIsAppendedToTheSystemPromptVerbatim() {
            String body = "You review {{#each items}} and {% if x %} as {{ .Values.x }}, unbalanced {{ too.";

            AgentOutcome outcome = run(Map.of(), body, "Review the payment module.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            RecordedRequest request = api.messages().get(0);
            assertThat(request.stream()).isTrue();
            assertThat(request.userText()).contains("Review the payment module.");
            // Appended: Claude Code's own prompt comes first, the body ends the system prompt as written.
            assertThat(request.systemText()).contains("Claude Code").endsWith(body);
        }

        @Test
        void systemPromptReplaceMakesTheBodyTheWholeSystemPrompt() {
            AgentOutcome outcome = run(Map.of("systemPrompt", "replace"), "- You are only this.", "Go.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            List<String> blocks = api.messages().get(0).systemBlocks();
            assertThat(blocks).last().isEqualTo("- You are only this.");
            assertThat(String.join("\n", blocks)).doesNotContain("You are Claude Code");
        }

        @Test
        void theModelAndTheDisallowedToolsComeFromTheDefinition() {
            AgentOutcome outcome = run(Map.of("model", "claude-test-model-1", "disallowedTools", "Bash, Write"), "", "Go.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            RecordedRequest request = api.messages().get(0);
            assertThat(request.model()).isEqualTo("claude-test-model-1");
            assertThat(request.toolNames()).contains("Read").doesNotContain("Bash", "Write");
        }

        @Test
        void theDefaultWorkingDirectoryIsTheRunsWorkspace() {
            AgentOutcome outcome = run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            Path workspace = dir.resolve("workspaces").resolve("run-1");
            assertThat(workspace).isDirectory();
            assertThat(api.messages().get(0).allText()).contains("Primary working directory: " + workspace);
        }

        @Test
        void maxTurnsEndsAnAgentThatKeepsCallingTools() {
            api.answer(Reply.toolUse("Glob", "{\"pattern\": \"*.md\"}"));

            AgentOutcome outcome = run(Map.of("maxTurns", 1L), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("error_max_turns", "maximum number of turns (1)");
        }
    }

    /**
     * The tools an agent lists are used without asking; others are refused (nobody is there to ask), unless its
     * permission mode allows them. ({@code bypassPermissions} cannot be shown here: the CLI refuses it to root.)
     */
    @Nested
    class Permissions {

        @Test
        void aToolTheAgentDoesNotListIsRefusedInTheDefaultMode() {
            Path touched = scriptATouch();

            assertThat(run(Map.of("tools", List.of("Read")), "", "Go.").succeeded()).isTrue();

            assertThat(touched).doesNotExist();
        }

        @Test
        void aToolTheAgentListsIsUsed() {
            Path touched = scriptATouch();

            assertThat(run(Map.of("tools", List.of("Read", "Write")), "", "Go.").succeeded()).isTrue();

            assertThat(touched).exists();
        }

        @Test
        void thePermissionModeOfTheDefinitionIsPassedOn() {
            Path touched = scriptATouch();

            assertThat(run(Map.of("permissionMode", "acceptEdits"), "", "Go.").succeeded()).isTrue();

            assertThat(touched).exists();
        }

        /** The model asks to write a file into its working directory, then answers. */
        private Path scriptATouch() {
            Path touched = dir.resolve("workspaces").resolve("run-1").resolve("touched.txt");
            api.then(Reply.toolUse("Write", "{\"file_path\": \"" + touched + "\", \"content\": \"x\"}"));
            return touched;
        }
    }

    /** The CLI's result document: output, usage and model; failures and how the platform may retry them. */
    @Nested
    class Outcomes {

        @Test
        void theResultIsTheOutputWithTheUsageCostAndModelTheCliReports() {
            api.answer(Reply.text("The plan.").tokens(1200, 340, 50, 7));

            AgentOutcome outcome = run(Map.of("model", "opus"), "", "Plan.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            assertThat(outcome.output()).isEqualTo("The plan.");
            assertThat(outcome.outputBytes()).isEqualTo(9);
            // The alias is the CLI's to resolve; the model it asked for is the one it reports.
            assertThat(outcome.model()).contains("opus").isEqualTo(api.messages().get(0).model());
            assertThat(outcome.usage().inputTokens()).isEqualTo(1200);
            assertThat(outcome.usage().outputTokens()).isEqualTo(340);
            assertThat(outcome.usage().cacheReadTokens()).isEqualTo(50);
            assertThat(outcome.usage().cacheWriteTokens()).isEqualTo(7);
            assertThat(outcome.usage().costUsd()).isPositive();
        }

        @ParameterizedTest
        @ValueSource(ints = {429, 500, 529})
        void aTransientApiErrorIsRetriedAfterABackoff(int status) {
            api.answer(switch (status) {
                case 429 -> Reply.rateLimited(Duration.ofSeconds(1));
                case 500 -> Reply.serverError();
                default -> Reply.overloaded();
            });

            AgentOutcome outcome = run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("API status " + status);
            assertThat(outcome.retry()).isEqualTo(Retry.backoff(null));
        }

        @Test
        void aRefusedKeyIsNeverRetriedAndItsValueIsInNoMessage() {
            String wrongKey = "sk-ant-wrong-key-0123456789";

            AgentOutcome outcome = kind(Map.of("ANTHROPIC_API_KEY", wrongKey), DataSize.ofMegabytes(4))
                    .run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("API status 401").doesNotContain(wrongKey);
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void anApiErrorTheClientCausedIsNeverRetried() {
            api.answer(Reply.error(400, "invalid_request_error", "prompt is too long"));

            AgentOutcome outcome = run(Map.of(), "", "Go.");

            assertThat(outcome.error()).startsWith("Claude Code failed (prompt_too_long, API status 400): Prompt is too long");
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void anAnswerThatIsNotTheApisFailsTheAgent() {
            api.answer(Reply.garbage());

            AgentOutcome outcome = run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).startsWith("Claude Code failed");
        }

        @Test
        void anAnswerLargerThanMaxOutputFailsTheAgent() {
            api.answer(Reply.text("x".repeat(5000)));

            AgentOutcome outcome = kind(Map.of(), DataSize.ofBytes(1000)).run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("larger than perfect21.agents.claude.max-output (1000 bytes)");
        }
    }

    /** The process: where it is, what it inherits, how it ends. */
    @Nested
    class TheProcess {

        @Test
        void aMissingCliFailsTheAgentSayingHowToInstallIt() {
            AgentOutcome outcome = new Kind(properties(Map.of(), DataSize.ofMegabytes(4), "/no/such/dir/claude"))
                    .run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("'/no/such/dir/claude'", "npm install -g @anthropic-ai/claude-code",
                    "perfect21.agents.claude.command");
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void onlyTheAllowedVariablesOfTheJvmPassAndTheConfiguredAndTheAgentsAreAdded() throws IOException {
            Path seen = dir.resolve("env.txt");
            Path cli = script("env > " + seen + "\necho '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"ok\"}'");
            Map<String, String> jvm = new LinkedHashMap<>(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
                    "ANTHROPIC_MODEL", "m", "CLAUDE_CONFIG_DIR", "/c", "JAVA_HOME", "/jdk", "DATABASE_PASSWORD", "hunter2",
                    "AWS_SECRET_ACCESS_KEY", "aws"));
            ClaudeAgentKind kind = new ClaudeAgentKind(Defaults.templates(), new ClaudeSetup(
                    new ClaudeProperties(cli.toString(), "dontAsk", Map.of("HOME", "/configured/home"), DataSize.ofMegabytes(4)), jvm,
                    new RunWorkspaces(dir.resolve("workspaces")), JsonMapper.builder().build()));

            AgentOutcome outcome = new Kind(kind).run(Map.of("env", Map.of("GREETING", "hi {{params.word}}")), "", "Go.");

            assertThat(outcome.output()).isEqualTo("ok");
            assertThat(Files.readAllLines(seen)).filteredOn(line -> !line.startsWith("PWD=") && !line.startsWith("SHLVL=")
                    && !line.startsWith("_=")).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "LANG=C.UTF-8",
                    "ANTHROPIC_MODEL=m", "CLAUDE_CONFIG_DIR=/c", "HOME=/configured/home", "GREETING=hi a b");
        }

        @Test
        void anExitWithoutAResultDocumentFailsWithTheEndOfStderr() throws IOException {
            Path cli = script("echo 'starting' >&2\necho 'cannot reach the configuration service' >&2\nexit 3");

            AgentOutcome outcome = new Kind(properties(Map.of(), DataSize.ofMegabytes(4), cli.toString())).run(Map.of(), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).isEqualTo("Claude Code exited with code 3: starting\ncannot reach the configuration service");
            assertThat(outcome.retry()).isEqualTo(Retry.AGAIN);
        }

        @Test
        void anExitSayingItIsOverloadedIsRetriedAfterABackoffAndSecretsAreTakenOutOfIt() throws IOException {
            String key = "sk-ant-secret-0123456789";
            Path cli = script("echo \"API Error: 529 Overloaded (key $ANTHROPIC_API_KEY)\" >&2\nexit 1");

            AgentOutcome outcome = new Kind(properties(Map.of("ANTHROPIC_API_KEY", key), DataSize.ofMegabytes(4), cli.toString()))
                    .run(Map.of(), "", "Go.");

            assertThat(outcome.error()).isEqualTo("Claude Code exited with code 1: API Error: 529 Overloaded (key ***)");
            assertThat(outcome.retry()).isEqualTo(Retry.backoff(null));
        }

        @Test
        void anAttemptCompletedEarlyKillsTheCli() {
            api.answer(Reply.hang());
            CompletableFuture<AgentOutcome> attempt = new Kind(properties(Map.of(), DataSize.ofMegabytes(4), null))
                    .prepare(Map.of()).start(call("Go.", ""));
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.messages().isEmpty());
            List<ProcessHandle> clis = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/claude")).orElse(false)).toList();
            assertThat(clis).isNotEmpty().allMatch(ProcessHandle::isAlive);

            // What the platform does on a timeout or a stop.
            attempt.orTimeout(1, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(clis).noneMatch(ProcessHandle::isAlive));
        }

        private Path script(String text) throws IOException {
            Path script = Files.createTempFile(dir, "fake-claude", ".sh");
            Files.writeString(script, "#!/bin/sh\ncat > /dev/null\n" + text + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        }
    }

    private AgentOutcome run(Map<String, Object> keys, String body, String instruction) {
        return kind(Map.of(), DataSize.ofMegabytes(4)).run(keys, body, instruction);
    }

    private Kind kind(Map<String, String> environment, DataSize maxOutput) {
        return new Kind(properties(environment, maxOutput, null));
    }

    /** Properties pointing the real CLI (or {@code command}) at the stand-in, with {@code environment} on top. */
    private static ClaudeProperties properties(Map<String, String> environment, DataSize maxOutput, String command) {
        Map<String, String> variables = new HashMap<>(api.cliEnvironment(home));
        variables.putAll(environment);
        return new ClaudeProperties(command == null ? ClaudeCli.binary().toString() : command, "dontAsk", variables, maxOutput);
    }

    private AgentCall call(String instruction, String body) {
        return new AgentCall("run-1", "phase", instruction, body, 1, Map.of("word", "a b"), executor);
    }

    /** The kind with given properties, and attempts of agents defined by a few keys. */
    private final class Kind {

        private final ClaudeAgentKind kind;

        Kind(ClaudeProperties properties) {
            this(new ClaudeAgentKind(Defaults.templates(), new ClaudeSetup(properties, System.getenv(),
                    new RunWorkspaces(dir.resolve("workspaces")), JsonMapper.builder().build())));
        }

        Kind(ClaudeAgentKind kind) {
            this.kind = kind;
        }

        AgentRunner prepare(Map<String, Object> keys) {
            AgentSettings settings = new AgentSettings(new HashMap<>(keys), Map.of());
            AgentRunner runner = kind.prepare(ClaudeDefinitions.definition(settings), settings);
            assertThat(settings.problems()).isEmpty();
            return runner;
        }

        AgentOutcome run(Map<String, Object> keys, String body, String instruction) {
            return prepare(keys).start(call(instruction, body)).orTimeout(60, TimeUnit.SECONDS).join();
        }
    }
}
