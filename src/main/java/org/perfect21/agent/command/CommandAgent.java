package org.perfect21.agent.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.process.ProcessAttempt;
import org.perfect21.agent.process.StreamCapture;
import org.springframework.util.unit.DataSize;

/**
 * A prepared command agent. The process is started directly from its argv and watched by {@link ProcessAttempt}:
 * stdin, stdout and stderr pumped on the agent executor, the whole process tree killed if the attempt's future is
 * completed by someone else first (timeout, cancellation).
 */
final class CommandAgent implements AgentRunner {

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
        try {
            return ProcessAttempt.start(name, builder, call.instruction(), maxOutput.toBytes(), call.executor(),
                    CommandAgent::outcome);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(AgentOutcome.failure(
                    "cannot start '" + command.get(0) + "': " + ProcessAttempt.rootMessage(e)));
        }
    }

    private static AgentOutcome outcome(ProcessAttempt.Exited exited) {
        StreamCapture out = exited.stdout();
        String output = out.text();
        if (exited.exitCode() == 0) {
            return new AgentOutcome(true, output, out.totalBytes(), out.truncated(), null);
        }
        String tail = exited.stderr().text().strip();
        String error = "exit code " + exited.exitCode() + (tail.isEmpty() ? "" : ": " + tail);
        return new AgentOutcome(false, output, out.totalBytes(), out.truncated(), error);
    }
}
