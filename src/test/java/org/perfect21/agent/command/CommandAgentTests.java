package org.perfect21.agent.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.testing.Defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandAgentTests {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CommandAgentKind kind = new CommandAgentKind(Defaults.templates());

    @AfterEach
    void closeExecutor() {
        executor.shutdownNow();
    }

    @Test
    void theInstructionArrivesOnStdinAndStdoutIsTheOutput() {
        AgentOutcome outcome = run(Map.of("command", List.of("cat")), "hello from the instruction");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.output()).isEqualTo("hello from the instruction");
        assertThat(outcome.outputBytes()).isEqualTo(26);
        assertThat(outcome.truncated()).isFalse();
    }

    @Test
    void argumentsAreRenderedFromParametersAndNeverGoThroughAShell() {
        AgentOutcome outcome = run(Map.of("command", List.of("echo", "{{params.word}}", "$HOME", "; ls")), "");

        assertThat(outcome.output()).isEqualTo("a b $HOME ; ls\n");
    }

    @Test
    void envAndWorkdirAreApplied(@TempDir Path dir) {
        AgentOutcome outcome = run(Map.of("command", List.of("sh", "-c", "pwd; echo $GREETING"),
                "env", Map.of("GREETING", "hi {{params.word}}"), "workdir", dir.toString()), "");

        assertThat(outcome.output()).isEqualTo(dir.toAbsolutePath() + "\nhi a b\n");
    }

    @Test
    void aNonZeroExitFailsWithTheTailOfStderr() {
        AgentOutcome outcome = run(Map.of("command", List.of("sh", "-c", "echo partial; echo 'bad things happened' >&2; exit 3")), "");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("exit code 3: bad things happened");
        assertThat(outcome.output()).isEqualTo("partial\n");
    }

    @Test
    void aMissingBinaryFailsTheAgentWithAClearError() {
        AgentOutcome outcome = run(Map.of("command", List.of("no-such-binary-perfect21")), "");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("cannot start 'no-such-binary-perfect21'").contains("No such file");
    }

    @Test
    void outputBeyondTheCapIsTruncatedAndFlagged() {
        AgentOutcome outcome = run(Map.of("command", List.of("seq", "1", "100000"), "maxOutput", "1KB"), "");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.output()).hasSize(1024).startsWith("1\n2\n3\n");
        assertThat(outcome.outputBytes()).isEqualTo(588895);
        assertThat(outcome.truncated()).isTrue();
    }

    @Test
    void completingTheAttemptEarlyKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        AgentRunner runner = prepare(Map.of("command", List.of("sh", "-c",
                "sleep 300 & echo $! > " + pids + "; sh -c 'sleep 300' & echo $! >> " + pids + "; wait")));
        CompletableFuture<AgentOutcome> attempt = runner.start(call(""));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pids) && Files.readAllLines(pids).size() == 2);
        List<Long> descendants = Files.readAllLines(pids).stream().map(Long::valueOf).toList();
        assertThat(descendants).allSatisfy(pid -> assertThat(alive(pid)).isTrue());

        // What the platform does on a timeout or a phase deadline.
        attempt.orTimeout(1, TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(descendants).allSatisfy(pid -> assertThat(alive(pid)).as("pid " + pid).isFalse()));
    }

    @Test
    void aCommandThatIsNotAListIsADefinitionError() {
        AgentSettings settings = settings(Map.of("command", "git log | head"));
        kind.prepare(definition(settings), settings);

        assertThat(settings.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("command");
            assertThat(p.message()).contains("list of arguments", "never go through a shell");
        });
    }

    @Test
    void aMissingCommandIsADefinitionError() {
        AgentSettings settings = settings(Map.of());
        kind.prepare(definition(settings), settings);

        assertThat(settings.problems()).extracting(AgentSettings.SettingProblem::field).containsExactly("command");
    }

    private AgentOutcome run(Map<String, Object> values, String instruction) {
        return prepare(values).start(call(instruction)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private AgentRunner prepare(Map<String, Object> values) {
        AgentSettings settings = settings(values);
        AgentRunner runner = kind.prepare(definition(settings), settings);
        assertThat(settings.problems()).isEmpty();
        return runner;
    }

    private AgentCall call(String instruction) {
        return new AgentCall("run-1", "phase", instruction, "", 1, Map.of("word", "a b"), executor);
    }

    private static AgentSettings settings(Map<String, Object> values) {
        return new AgentSettings(new HashMap<>(values), Map.of());
    }

    private static AgentDefinition definition(AgentSettings settings) {
        return new AgentDefinition("cmd", "command", null, null, List.of(), null, null, null, 0, "", settings, Path.of("test.md"), 1);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
