package org.perfect21.agent.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;
import org.springframework.util.unit.DataSize;

/**
 * A prepared command agent. The process is started directly from its argv; stdin, stdout and stderr
 * are pumped on the agent executor; exit is observed through {@link Process#onExit()}. If the
 * attempt's future is completed by someone else first (timeout, cancellation) the whole process
 * tree is killed.
 */
final class CommandAgent implements AgentRunner {

    private static final int STDERR_TAIL_BYTES = 4096;

    private final String name;
    private final List<Template> argv;
    private final Map<String, Template> env;
    private final Template workdir;
    private final DataSize maxOutput;

    CommandAgent(String name, List<Template> argv, Map<String, Template> env, Template workdir, DataSize maxOutput) {
        this.name = name;
        this.argv = argv;
        this.env = env;
        this.workdir = workdir;
        this.maxOutput = maxOutput;
    }

    @Override
    public CompletableFuture<AgentOutcome> start(AgentCall call) {
        Map<String, Object> scope = call.settingsScope(name);
        List<String> command = argv.stream().map(t -> t.render(scope)).toList();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workdir != null) {
            Path dir = Path.of(workdir.render(scope));
            if (!Files.isDirectory(dir)) {
                return CompletableFuture.completedFuture(AgentOutcome.failure("workdir " + dir + " is not a directory"));
            }
            builder.directory(dir.toFile());
        }
        env.forEach((k, v) -> builder.environment().put(k, v.render(scope)));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return CompletableFuture.completedFuture(AgentOutcome.failure(
                    "cannot start '" + command.get(0) + "': " + rootMessage(e)));
        }
        return watch(process, call.instruction(), call.executor());
    }

    private CompletableFuture<AgentOutcome> watch(Process process, String instruction, Executor executor) {
        CompletableFuture<AgentOutcome> result = new CompletableFuture<>();
        // Registered first: whoever completes the attempt early (timeout, phase deadline, stop) kills the tree.
        result.whenComplete((outcome, failure) -> {
            if (failure != null) {
                killTree(process.toHandle());
            }
        });
        executor.execute(() -> writeStdin(process, instruction));
        CompletableFuture<StreamCapture> stdout = CompletableFuture.supplyAsync(
                () -> StreamCapture.head(process.getInputStream(), maxOutput.toBytes()), executor);
        CompletableFuture<StreamCapture> stderr = CompletableFuture.supplyAsync(
                () -> StreamCapture.tail(process.getErrorStream(), STDERR_TAIL_BYTES), executor);
        process.onExit().thenCombineAsync(stdout.thenCombine(stderr, (out, err) -> new StreamCapture[] {out, err}),
                (exited, streams) -> outcome(exited.exitValue(), streams[0], streams[1]), executor)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        result.complete(AgentOutcome.failure("reading output of " + name + " failed: " + rootMessage(failure)));
                    } else {
                        result.complete(outcome);
                    }
                });
        return result;
    }

    private static AgentOutcome outcome(int exitCode, StreamCapture out, StreamCapture err) {
        String output = out.text();
        if (exitCode == 0) {
            return new AgentOutcome(true, output, out.totalBytes(), out.truncated(), null);
        }
        String tail = err.text().strip();
        String error = "exit code " + exitCode + (tail.isEmpty() ? "" : ": " + tail);
        return new AgentOutcome(false, output, out.totalBytes(), out.truncated(), error);
    }

    private static void writeStdin(Process process, String instruction) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(instruction.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The program closed its stdin without reading it all: that is its right.
        }
    }

    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** What was kept of one output stream. */
    record StreamCapture(String text, long totalBytes, boolean truncated) {

        /** Keeps the first {@code limit} bytes, counts the rest. */
        static StreamCapture head(InputStream in, long limit) {
            return read(in, limit, false);
        }

        /** Keeps the last {@code limit} bytes (an error's explanation is usually at the end). */
        static StreamCapture tail(InputStream in, long limit) {
            return read(in, limit, true);
        }

        private static StreamCapture read(InputStream in, long limit, boolean keepTail) {
            int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
            byte[] kept = new byte[Math.min(cap, 64 * 1024)];
            int keptLength = 0;
            long total = 0;
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (keepTail) {
                        kept = appendTail(kept, keptLength, buffer, n, cap);
                        keptLength = Math.min(cap, keptLength + n);
                    } else if (keptLength < cap) {
                        int take = Math.min(n, cap - keptLength);
                        if (keptLength + take > kept.length) {
                            kept = java.util.Arrays.copyOf(kept, Math.min(cap, Math.max(kept.length * 2, keptLength + take)));
                        }
                        System.arraycopy(buffer, 0, kept, keptLength, take);
                        keptLength += take;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String text = new String(kept, 0, keptLength, StandardCharsets.UTF_8);
            return new StreamCapture(text, total, total > keptLength);
        }

        private static byte[] appendTail(byte[] kept, int keptLength, byte[] buffer, int n, int cap) {
            byte[] joined = new byte[Math.min(cap, keptLength + n)];
            int fromNew = Math.min(n, joined.length);
            int fromOld = joined.length - fromNew;
            System.arraycopy(kept, keptLength - fromOld, joined, 0, fromOld);
            System.arraycopy(buffer, n - fromNew, joined, fromOld, fromNew);
            return joined;
        }
    }
}
