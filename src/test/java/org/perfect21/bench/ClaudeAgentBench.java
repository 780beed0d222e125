package org.perfect21.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.perfect21.Perfect21Application;
import org.perfect21.execution.ExecutionProperties;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.testing.ClaudeCli;
import org.perfect21.testing.MessagesApiStandIn;
import org.perfect21.testing.MessagesApiStandIn.RecordedRequest;
import org.perfect21.testing.MessagesApiStandIn.Reply;
import org.perfect21.testing.ScratchDirectory;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@value #AGENTS} {@code claude} agents in one phase, each a real Claude Code CLI process talking to a loopback
 * {@link MessagesApiStandIn} that answers at once, run by the engine: what the platform and the CLI add per agent
 * when the model costs nothing. Per agent, from the run document: the attempt's start (just before the process is
 * started) to its end (result read); split at the moment the stand-in received the agent's request (the CLI's start
 * until it calls the API; then the answer, the CLI's exit and reading its document). A first run of one agent warms
 * the disk cache for the ~370 MB binary and is not counted.
 * Usage: {@code ClaudeAgentBench [agents (30)] [parallelism (all)] [agent-threads (the default)]}.
 */
public final class ClaudeAgentBench {

    static final int AGENTS = 30;

    private ClaudeAgentBench() {
    }

    /**
     * What one run of the phase gave; durations in milliseconds, by agent.
     *
     * @param agentThreads the agent executor's threads ({@code perfect21.execution.agent-threads})
     */
    public record Result(int agents, int parallelism, int agentThreads, int succeeded, long phaseMs, double[] totalMs, double[] toRequestMs,
                         double[] afterRequestMs, Map<String, Long> errors) {

        public List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## Claude Code agents");
            lines.add("");
            lines.add(agents + " `claude` agents in one phase (parallelism " + parallelism + ", " + agentThreads
                    + " agent threads), each a Claude Code CLI process (" + ClaudeCli.binary().getFileName()
                    + ") against a loopback stand-in of the Messages API that answers at once: " + succeeded + " of "
                    + agents + " succeeded; the phase took " + phaseMs + " ms.");
            lines.add("");
            lines.add("| Per agent | Median | p95 | Max |");
            lines.add("|---|---:|---:|---:|");
            lines.add(row("attempt start to result", totalMs));
            lines.add(row("start to the API request (CLI start-up)", toRequestMs));
            lines.add(row("API request to result (answer, exit, document read)", afterRequestMs));
            errors.forEach((error, count) -> lines.add("\nFailed " + count + "×: " + error));
            return lines;
        }

        private static String row(String what, double[] values) {
            return String.format("| %s | %.0f ms | %.0f ms | %.0f ms |", what, median(values), percentile(values, 95),
                    percentile(values, 100));
        }
    }

    /**
     * Runs {@code agents} claude agents in one phase, {@code parallelism} at a time, on an engine of
     * {@code agentThreads} agent threads (null: as {@code perfect21.execution.agent-threads} defaults).
     */
    public static Result measure(Path scratch, int agents, int parallelism, Integer agentThreads) throws IOException {
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("agents"));
        Files.createDirectories(jobs.resolve("workflows"));
        Files.writeString(jobs.resolve("workflows").resolve("claude-warm-up.yml"), workflow("claude-warm-up", 1, 1));
        Files.writeString(jobs.resolve("workflows").resolve("claude-bench.yml"), workflow("claude-bench", agents, parallelism));
        try (MessagesApiStandIn api = new MessagesApiStandIn().start();
             ConfigurableApplicationContext engine = engine(scratch, jobs, api, agentThreads)) {
            api.answer(Reply.text("Done.").tokens(1000, 20, 0, 0));
            WorkflowRunner runner = engine.getBean(WorkflowRunner.class);
            var definitions = engine.getBean(DefinitionLoader.class).load();
            runner.run(definitions.workflow("claude-warm-up").orElseThrow(), Map.of());
            api.reset();
            api.answer(Reply.text("Done.").tokens(1000, 20, 0, 0));
            WorkflowDefinition workflow = definitions.workflow("claude-bench").orElseThrow();
            RunDocument run = runner.run(workflow, Map.of());
            return result(run, api.messages(), agents, parallelism, engine.getBean(ExecutionProperties.class).agentThreads());
        }
    }

    private static Result result(RunDocument run, List<RecordedRequest> requests, int agents, int parallelism, int agentThreads) {
        RunDocument.Phase phase = run.phases().get(0);
        List<RunDocument.Agent> done = phase.agents().stream().filter(a -> a.startedAt() != null && a.endedAt() != null).toList();
        double[] total = new double[done.size()];
        double[] toRequest = new double[done.size()];
        double[] afterRequest = new double[done.size()];
        for (int i = 0; i < done.size(); i++) {
            RunDocument.Agent agent = done.get(i);
            Instant requested = requests.stream().filter(r -> r.userText().contains("You are " + agent.agent() + "."))
                    .map(RecordedRequest::receivedAt).findFirst().orElse(null);
            total[i] = millis(agent.startedAt(), agent.endedAt());
            toRequest[i] = requested == null ? Double.NaN : millis(agent.startedAt(), requested);
            afterRequest[i] = requested == null ? Double.NaN : millis(requested, agent.endedAt());
        }
        int succeeded = (int) phase.agents().stream().filter(a -> a.status() == AgentStatus.COMPLETED).count();
        Map<String, Long> errors = phase.agents().stream().filter(a -> a.error() != null)
                .collect(Collectors.groupingBy(RunDocument.Agent::error, TreeMap::new, Collectors.counting()));
        return new Result(agents, parallelism, agentThreads, succeeded, phase.durationMs() == null ? -1 : phase.durationMs(), total, toRequest,
                afterRequest, errors);
    }

    private static String workflow(String name, int agents, int parallelism) {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nphases:\n  - name: ask\n    parallelism: " + parallelism
                + "\n    agents:\n");
        for (int i = 1; i <= agents; i++) {
            yaml.append("      - {name: agent-%02d, instruction: \"You are {{agent.name}}. Answer Done.\"}\n".formatted(i));
        }
        return yaml.toString();
    }

    private static ConfigurableApplicationContext engine(Path scratch, Path jobs, MessagesApiStandIn api, Integer agentThreads)
            throws IOException {
        Path home = Files.createDirectories(scratch.resolve("claude-home"));
        List<String> properties = new ArrayList<>(List.of("perfect21.data-dir=" + scratch.resolve("data"),
                "perfect21.jobs-dir=" + jobs, "perfect21.agents.claude.command=" + ClaudeCli.binary(),
                "logging.level.root=WARN", "spring.main.banner-mode=off"));
        if (agentThreads != null) {
            properties.add("perfect21.execution.agent-threads=" + agentThreads);
        }
        api.cliEnvironment(home).forEach((key, value) -> properties.add("perfect21.agents.claude.environment." + key + "=" + value));
        return new SpringApplicationBuilder(Perfect21Application.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    static double median(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int mid = known.length / 2;
        return known.length == 0 ? Double.NaN : known.length % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
    }

    /** The nearest-rank percentile of the values that are known. */
    static double percentile(double[] values, double percent) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * known.length);
        return known[Math.max(0, Math.min(known.length - 1, rank - 1))];
    }

    public static void main(String[] args) throws IOException {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : AGENTS;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : agents;
        Integer threads = args.length > 2 ? Integer.valueOf(args[2]) : null;
        Path scratch = Files.createTempDirectory("perfect21-claude-bench-");
        try {
            Result result = measure(scratch, agents, parallelism, threads);
            result.report().forEach(System.out::println);
        } finally {
            ScratchDirectory.delete(scratch);
        }
    }
}
