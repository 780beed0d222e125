package org.perfect21.agent.claude;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentOutcome.Retry;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.process.ProcessAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A prepared Claude Code agent: each attempt is one {@code claude -p --output-format=json} process, started from
 * its argv in the agent's working directory with an environment built from an allow-list, the instruction on
 * stdin, watched by {@link ProcessAttempt} (its tree killed when the attempt is abandoned); the result document it
 * prints is the outcome.
 */
final class ClaudeAgent implements AgentRunner {

    private static final Logger log = LoggerFactory.getLogger(ClaudeAgent.class);

    private final String name;
    private final ClaudeFlags flags;
    private final Map<String, Template> env;
    private final Template workdir;
    private final ClaudeSetup setup;

    ClaudeAgent(String name, ClaudeFlags flags, Map<String, Template> env, Template workdir, ClaudeSetup setup) {
        this.name = name;
        this.flags = flags;
        this.env = env;
        this.workdir = workdir;
        this.setup = setup;
    }

    @Override
    public CompletableFuture<AgentOutcome> start(AgentCall call) {
        Map<String, Object> scope = call.settingsScope(name);
        Map<String, String> agentEnv = new LinkedHashMap<>();
        env.forEach((key, value) -> agentEnv.put(key, value.render(scope)));
        Map<String, String> environment = ClaudeEnvironment.of(setup.jvmEnvironment(), setup.properties().environment(), agentEnv);
        UnaryOperator<String> redact = ClaudeEnvironment.redaction(environment);
        Path dir;
        try {
            dir = workingDirectory(call, scope);
        } catch (IOException e) {
            return done(AgentOutcome.failure(redact.apply("cannot create the workspace of " + name + ": " + ProcessAttempt.rootMessage(e))));
        }
        if (!Files.isDirectory(dir)) {
            return done(AgentOutcome.failure("workdir " + dir + " is not a directory").withRetry(Retry.NEVER));
        }
        String command = setup.properties().command();
        List<String> argv = flags.argv(command, call.systemPrompt());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        long maxOutput = setup.properties().maxOutput().toBytes();
        try {
            return ProcessAttempt.start(name, builder, call.instruction(), maxOutput, call.executor(), exited -> {
                ClaudeAnswer answer = ClaudeAnswer.read(exited, setup.json(), redact, maxOutput);
                logAnswer(call, answer, (System.nanoTime() - started) / 1_000_000);
                return answer.outcome();
            });
        } catch (IOException e) {
            return done(AgentOutcome.failure("cannot start the Claude Code CLI '" + command + "' ("
                    + ProcessAttempt.rootMessage(e) + "): install it with 'npm install -g @anthropic-ai/claude-code',"
                    + " or set perfect21.agents.claude.command to its path").withRetry(Retry.NEVER));
        }
    }

    /** The command-line flags its definition gives, for tests. */
    ClaudeFlags flags() {
        return flags;
    }

    /** The agent's {@code workdir}, else the run's workspace in the data directory, created on demand. */
    private Path workingDirectory(AgentCall call, Map<String, Object> scope) throws IOException {
        if (workdir != null) {
            return Path.of(workdir.render(scope));
        }
        return setup.workspaces().open(call.runId());
    }

    private void logAnswer(AgentCall call, ClaudeAnswer answer, long millis) {
        if (!log.isDebugEnabled()) {
            return;
        }
        AgentOutcome outcome = answer.outcome();
        log.debug("claude agent {} (run {}, phase {}, attempt {}) {} in {} ms: session {}, {} turns, model {}, usage {}",
                name, call.runId(), call.phase(), call.attempt(), outcome.succeeded() ? "succeeded" : "failed", millis,
                answer.sessionId(), answer.turns(), outcome.model(), outcome.usage());
    }

    private static CompletableFuture<AgentOutcome> done(AgentOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
