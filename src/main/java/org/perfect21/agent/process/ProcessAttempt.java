package org.perfect21.agent.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.perfect21.agent.AgentOutcome;

/**
 * An agent attempt that is a local process: started with its input as stdin, stdout and stderr pumped on the agent
 * executor, its exit observed through {@link Process#onExit()} (no thread waits for it). If the attempt's future is
 * completed by someone else first (timeout, phase deadline, stop), the whole process tree is killed.
 */
public final class ProcessAttempt {

    /** How much of stderr is kept: its end, where a program says why it failed. */
    public static final int STDERR_TAIL_BYTES = 4096;

    private ProcessAttempt() {
    }

    /** How a process ended: its exit code, the head of its stdout, the tail of its stderr. */
    public record Exited(int exitCode, StreamCapture stdout, StreamCapture stderr) {
    }

    /**
     * Starts {@code builder}'s process with {@code input} as its stdin and watches it to its end, turning how it
     * ended into the attempt's outcome. The input goes through a file the process reads (written here, deleted once
     * the process holds it open), not through a pipe fed by a task: a task would queue on the agent executor behind
     * other processes' stream readers, and a program that waits for its stdin (the Claude Code CLI gives up after
     * 3 s) would starve when many start at once.
     *
     * @param name      the agent, for the message when its streams cannot be read
     * @param maxStdout bytes of stdout kept (the rest is counted)
     * @throws IOException when the program cannot be started (not found, not executable)
     */
    public static CompletableFuture<AgentOutcome> start(String name, ProcessBuilder builder, String input, long maxStdout,
                                                        Executor executor, Function<Exited, AgentOutcome> outcome)
            throws IOException {
        Path stdin = Files.createTempFile("perfect21-stdin-", ".txt");
        Process process;
        try {
            Files.writeString(stdin, input, StandardCharsets.UTF_8);
            process = builder.redirectInput(stdin.toFile()).start();
        } finally {
            Files.deleteIfExists(stdin);
        }
        return watch(name, process, maxStdout, executor, outcome);
    }

    private static CompletableFuture<AgentOutcome> watch(String name, Process process, long maxStdout, Executor executor,
                                                         Function<Exited, AgentOutcome> outcome) {
        CompletableFuture<AgentOutcome> result = new CompletableFuture<>();
        // Registered first: whoever completes the attempt early (timeout, phase deadline, stop) kills the tree.
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                killTree(process.toHandle());
            }
        });
        CompletableFuture<StreamCapture> stdout = CompletableFuture.supplyAsync(
                () -> StreamCapture.head(process.getInputStream(), maxStdout), executor);
        CompletableFuture<StreamCapture> stderr = CompletableFuture.supplyAsync(
                () -> StreamCapture.tail(process.getErrorStream(), STDERR_TAIL_BYTES), executor);
        process.onExit().thenCombineAsync(stdout.thenCombine(stderr, (out, err) -> new StreamCapture[] {out, err}),
                        (exited, streams) -> outcome.apply(new Exited(exited.exitValue(), streams[0], streams[1])), executor)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        result.complete(AgentOutcome.failure("reading output of " + name + " failed: " + rootMessage(failure)));
                    } else {
                        result.complete(done);
                    }
                });
        return result;
    }

    /** Kills a process and every process it started, forcibly: an abandoned attempt must not go on working. */
    public static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /** The innermost message of a failure (the OS's words for a program that cannot start). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
