package org.perfect21.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.perfect21.Perfect21Application;
import org.perfect21.execution.ExecutionProperties;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.testing.ScratchDirectory;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A thousand {@code http} agents in flight at once against a loopback {@link DelayedMessagesApi} that answers each
 * request after {@value #DELAY_MS} ms: what the platform costs in wall time, threads and heap when agents only wait
 * on a model. Two shapes of the same thousand: {@value #FEW_RUNS} runs × {@value #MANY_AGENTS} agents (the target's
 * shape) and {@value #MANY_RUNS} runs × {@value #FEW_AGENTS} agents, every run launched at once, each by a bench
 * thread of its own calling {@link WorkflowRunner#execute} (an executing run holds its thread: Spring Batch runs the job
 * and, at grid size 1, its worker step on it). Side by side, the {@link BareHttpClientPeer} sends the same thousand
 * requests with no platform. Each shape is measured {@value #PASSES} times and stands as its median pass, after a
 * warm-up run and {@value #WARM_UP_PASSES} passes of the target's shape (and as many of the peer) that are not counted:
 * the first passes run on a JIT still compiling and open the client's connections.
 * Usage: {@code HttpAgentBench} (no arguments; the harness runs it as {@link #measure}).
 */
public final class HttpAgentBench {

    static final long DELAY_MS = 2000;
    static final int FEW_RUNS = 10;
    static final int MANY_AGENTS = 100;
    static final int MANY_RUNS = 100;
    static final int FEW_AGENTS = 10;
    static final int CALLS = FEW_RUNS * MANY_AGENTS;
    /** Passes of the target's shape before anything counts: the JIT is still compiling the SDK's paths after one. */
    static final int WARM_UP_PASSES = 3;
    /** Measured passes of each shape; the median one stands for it. */
    static final int PASSES = 3;
    /** The global bound on agents in flight, raised from its default (256) so that it does not cap the thousand. */
    static final int MAX_CONCURRENT_AGENTS = 1024;

    private HttpAgentBench() {
    }

    /**
     * Both shapes and the peer, each measured {@value #PASSES} times, after {@value #WARM_UP_PASSES} warm-up passes of
     * the target's shape.
     *
     * @param agentThreads       the engine's {@code perfect21.execution.agent-threads}
     * @param runSlots           the engine's {@code perfect21.execution.max-concurrent-runs}
     * @param commonParallelism  the common ForkJoinPool's parallelism: at 1, CompletableFuture's default executor (on
     *                           which the JDK client completes every {@code sendAsync}) starts a thread per task
     * @param warmUp             the warm-up passes of the target's shape (cold JIT, new connections), not counted
     */
    public record Result(long delayMs, int agentThreads, int runSlots, int commonParallelism, Passes warmUp,
                         Passes target, Passes manyRuns, Passes peer) {

        /** The median passes, which the tables show. */
        List<InFlightResult> rows() {
            return List.of(target.median(), manyRuns.median(), peer.median());
        }

        public List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## HTTP agents: " + CALLS + " in flight");
            lines.add("");
            method(lines);
            lines.add("");
            figures(lines);
            lines.add("");
            passes(lines);
            lines.add("");
            timeline(lines);
            lines.add("");
            lags(lines);
            lines.add("");
            spans(lines);
            lines.add("");
            threads(lines);
            for (Passes passes : List.of(target, manyRuns, peer, warmUp)) {
                for (InFlightResult row : passes.all()) {
                    row.errors().forEach((error, count) -> lines.add("\n" + label(row) + " failed " + count + "×: " + error));
                }
            }
            return lines;
        }

        private void method(List<String> lines) {
            lines.add(CALLS + " `http` agents (provider anthropic) in flight at once against a loopback stand-in of the"
                    + " Messages API that answers each POST after " + delayMs + " ms and holds no thread while a request waits (JDK"
                    + " `HttpServer`, " + DelayedMessagesApi.HANDLER_THREADS + " handler threads, one scheduler thread that writes"
                    + " the answers). Engine: `perfect21.execution.max-concurrent-agents=" + MAX_CONCURRENT_AGENTS + "`, otherwise"
                    + " defaults (agent-threads " + agentThreads + ", max-concurrent-runs " + runSlots + ", so an agent executor of "
                    + (agentThreads + runSlots) + " threads at most, which also runs the JDK client and completes its answers), H2 file"
                    + " database. All runs are launched at once, each by a bench thread of its own calling `WorkflowRunner.execute`;"
                    + " wall = launch to the last run's end. Critical path = the longest run's sum over its phases of its longest"
                    + " agent attempt (run document). Threads = the JVM's peak of live threads (ThreadMXBean) from just before the"
                    + " launch to the end, whole and without the harness's (the bench's run threads, one per run, and the"
                    + " stand-in's server threads: where clients and model servers would be); the bound is for the platform's."
                    + " Heap ="
                    + " heap used after `System.gc()` once every request had arrived at the stand-in (all agents in flight)."
                    + " The bare JDK HttpClient sends the same requests with one `sendAsync` each from one thread, on a client"
                    + " configured as the platform's (HTTP/1.1) on " + BareHttpClientPeer.IO_THREADS + " executor threads. One run"
                    + " of " + FEW_AGENTS + " agents and " + warmUp.all().size() + " passes of the target's shape warm the JIT and"
                    + " fill the client's connection pool (not counted); then each shape is measured " + target.all().size()
                    + " times (the peer after as many passes not counted) and the tables show its median pass by wall /"
                    + " critical path. " + (commonParallelism > 1 ? "The common ForkJoinPool has parallelism " + commonParallelism
                    + ", so the JDK client completes each `sendAsync` on it."
                    : "The common ForkJoinPool has parallelism " + commonParallelism + " here (two CPUs or fewer), so"
                    + " CompletableFuture's default executor, on which the JDK client completes each `sendAsync`, starts a"
                    + " thread per answer: short-lived (the platform's work on an answer runs on its agent executor), but counted in"
                    + " the peak and paid on the client's threads."));
        }

        private void figures(List<String> lines) {
            lines.add("| Shape | Succeeded | Wall | Critical path | Wall / critical | Attempt median / p95 | Live threads peak:"
                    + " platform / whole JVM (before launch) | Heap after GC, all in flight |");
            lines.add("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (InFlightResult row : rows()) {
                lines.add(String.format("| %s | %d of %d | %.0f ms | %.0f ms | %.3f | %.0f / %.0f ms | %d / %d (%d) | %s |", label(row),
                        row.succeeded(), row.calls(), row.wallMs(), row.criticalMs(), row.ratio(), row.medianMs(), row.p95Ms(),
                        row.platformPeakThreads(), row.peakThreads(), row.threadsBefore(), row.heap()));
            }
        }

        private void passes(List<String> lines) {
            lines.add("Every pass, wall / critical path (live threads peak), in the order run:");
            lines.add("");
            lines.add("- " + label(target.median()) + ": " + target.each());
            lines.add("- " + label(manyRuns.median()) + ": " + manyRuns.each());
            lines.add("- " + label(peer.median()) + ": " + peer.each());
            lines.add("- warm-up, " + label(target.median()) + " (not counted): " + warmUp.each());
        }

        private void timeline(List<String> lines) {
            lines.add("Where the wall time went, after the launch: the last agent attempt started (the last `sendAsync` returned"
                    + " for the bare client), the stand-in received the first and the last request, wrote the last answer"
                    + " (late by at most the given lag after arrival + " + delayMs + " ms), and the last run ended (the last"
                    + " answer was read). The heap figure's collections ran once the last request had arrived, while all waited.");
            lines.add("");
            lines.add("| Shape | Last attempt started | First / last request arrived | Collections for the heap figure"
                    + " | Last answer written (stand-in lag) | End |");
            lines.add("|---|---:|---:|---:|---:|---:|");
            for (InFlightResult row : rows()) {
                InFlightResult.Timeline t = row.timeline();
                lines.add(String.format("| %s | %.0f ms | %.0f / %.0f ms | %d ms | %.0f ms (%.0f ms) | %.0f ms |", label(row),
                        t.lastStartMs(), t.firstArrivalMs(), t.lastArrivalMs(), row.snapshot().gcMillis(), t.lastAnswerMs(),
                        t.maxLatenessMs(), row.wallMs()));
            }
        }

        private void lags(List<String> lines) {
            lines.add("Per agent (per request for the bare client), matched with the stand-in by a tag in the prompt:");
            lines.add("");
            lines.add("| Shape | Attempt start → request arrived: median / p95 / max"
                    + " | Answer written → attempt end: median / p95 / max |");
            lines.add("|---|---:|---:|");
            for (InFlightResult row : rows()) {
                lines.add("| " + label(row) + " | " + spread(row.sendLagMs()) + " | " + spread(row.receiveLagMs()) + " |");
            }
        }

        private void spans(List<String> lines) {
            lines.add("Per run (platform shapes), median / max over the runs:");
            lines.add("");
            lines.add("| Shape | Launch → first attempt started | First → last attempt started | Last attempt ended → run returned |");
            lines.add("|---|---:|---:|---:|");
            for (InFlightResult row : rows()) {
                if (row.runs() > 0) {
                    InFlightResult.RunSpans spans = row.runSpans();
                    lines.add("| " + label(row) + " | " + medianMax(spans.toFirstStartMs()) + " | " + medianMax(spans.startingMs())
                            + " | " + medianMax(spans.closingMs()) + " |");
                }
            }
        }

        private static String medianMax(double[] values) {
            return String.format("%.0f / %.0f ms", ClaudeAgentBench.median(values), ClaudeAgentBench.percentile(values, 100));
        }

        private void threads(List<String> lines) {
            lines.add("Live threads by pool once all requests had arrived:");
            lines.add("");
            for (InFlightResult row : rows()) {
                lines.add("- " + label(row) + ": " + (row.snapshot().taken() ? LiveThreads.describe(row.snapshot().pools())
                        : "not taken (not all requests arrived)"));
            }
            lines.add("");
            lines.add("The thread bound is stated for " + FEW_RUNS + " runs × " + MANY_AGENTS + " agents: an executing run"
                    + " holds one thread for its whole length (Spring Batch runs the job, and at grid size 1 its worker step, on"
                    + " the launching thread; through the launch queue it is a run-slot thread of the agent executor), so "
                    + MANY_RUNS + " runs at once hold " + MANY_RUNS + " threads by construction, whatever the agents"
                    + " do; their agents waiting on the model hold none.");
        }

        private static String spread(double[] values) {
            return String.format("%.0f / %.0f / %.0f ms", ClaudeAgentBench.median(values), ClaudeAgentBench.percentile(values, 95),
                    ClaudeAgentBench.percentile(values, 100));
        }

        static String label(InFlightResult row) {
            return row.runs() == 0 ? row.label() + ", " + row.calls() + " requests" : row.label();
        }
    }

    public static Result measure(Path scratch) throws Exception {
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("agents"));
        Files.createDirectories(jobs.resolve("workflows"));
        try (DelayedMessagesApi api = DelayedMessagesApi.start(Duration.ofMillis(DELAY_MS))) {
            writeWorkflow(jobs, "http-warm-up", FEW_AGENTS, api);
            writeWorkflow(jobs, "http-target", MANY_AGENTS, api);
            writeWorkflow(jobs, "http-many-runs", FEW_AGENTS, api);
            Platform platform = platform(scratch, jobs, api);
            BenchmarkMain.log("http agents: the bare JDK HttpClient, " + CALLS + " requests × " + PASSES + " (after as many not counted)");
            Passes peer = peer(api);
            return new Result(DELAY_MS, platform.agentThreads(), platform.runSlots(),
                    ForkJoinPool.getCommonPoolParallelism(), platform.warmUp(), platform.target(), platform.manyRuns(), peer);
        }
    }

    /** What the engine gave, with its settings. */
    private record Platform(int agentThreads, int runSlots, Passes warmUp, Passes target, Passes manyRuns) {
    }

    private static Platform platform(Path scratch, Path jobs, DelayedMessagesApi api) throws Exception {
        String target = FEW_RUNS + " runs × " + MANY_AGENTS + " agents";
        String manyRuns = MANY_RUNS + " runs × " + FEW_AGENTS + " agents";
        try (ConfigurableApplicationContext engine = engine(scratch, jobs)) {
            WorkflowRunner runner = engine.getBean(WorkflowRunner.class);
            Definitions definitions = engine.getBean(DefinitionLoader.class).load();
            BenchmarkMain.log("http agents: warm-up, 1 run × " + FEW_AGENTS + " agents, then " + target + " × " + WARM_UP_PASSES);
            ConcurrentRuns.measure(runner, definitions, api, "warm-up", "http-warm-up", 1, FEW_AGENTS);
            Passes warmUp = passes(WARM_UP_PASSES, () -> ConcurrentRuns.measure(runner, definitions, api, target, "http-target",
                    FEW_RUNS, MANY_AGENTS));
            BenchmarkMain.log("http agents: " + target + " × " + PASSES);
            Passes measured = passes(PASSES, () -> ConcurrentRuns.measure(runner, definitions, api, target, "http-target", FEW_RUNS,
                    MANY_AGENTS));
            BenchmarkMain.log("http agents: " + manyRuns + " × " + PASSES);
            Passes many = passes(PASSES, () -> ConcurrentRuns.measure(runner, definitions, api, manyRuns, "http-many-runs", MANY_RUNS,
                    FEW_AGENTS));
            ExecutionProperties execution = engine.getBean(ExecutionProperties.class);
            return new Platform(execution.agentThreads(), execution.maxConcurrentRuns(), warmUp, measured, many);
        }
    }

    /** The bare client's passes, with the engine closed: its threads do not count against the peer. */
    private static Passes peer(DelayedMessagesApi api) throws Exception {
        try (BareHttpClientPeer bare = new BareHttpClientPeer(api.baseUrl())) {
            passes(PASSES, () -> bare.measure(api, CALLS));
            return passes(PASSES, () -> bare.measure(api, CALLS));
        }
    }

    /** One measurement of a shape. */
    private interface Pass {
        InFlightResult measure() throws Exception;
    }

    private static Passes passes(int count, Pass pass) throws Exception {
        List<InFlightResult> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(pass.measure());
        }
        return new Passes(all);
    }

    private static void writeWorkflow(Path jobs, String name, int agents, DelayedMessagesApi api) throws IOException {
        StringBuilder yaml = new StringBuilder("name: " + name + "\nphases:\n  - name: ask\n    agents:\n");
        for (int i = 1; i <= agents; i++) {
            yaml.append("      - {name: a-%03d, kind: http, provider: anthropic, model: %s, baseUrl: \"%s\", apiKeyEnv: none,"
                    .formatted(i, DelayedMessagesApi.MODEL, api.baseUrl())).append(" instruction: \"")
                    .append(DelayedMessagesApi.tagged("Say done.", ConcurrentRuns.tag("{{run.id}}", "{{agent.name}}")))
                    .append("\"}\n");
        }
        Files.writeString(jobs.resolve("workflows").resolve(name + ".yml"), yaml.toString());
    }

    private static ConfigurableApplicationContext engine(Path scratch, Path jobs) {
        return new SpringApplicationBuilder(Perfect21Application.class).web(WebApplicationType.NONE)
                .properties("perfect21.data-dir=" + scratch.resolve("data"), "perfect21.jobs-dir=" + jobs,
                        "perfect21.execution.max-concurrent-agents=" + MAX_CONCURRENT_AGENTS, "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run();
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("perfect21-http-bench-");
        try {
            measure(scratch).report().forEach(System.out::println);
        } finally {
            ScratchDirectory.delete(scratch);
        }
        // The JDK HttpClients' selector threads end only once their clients are collected.
        System.exit(0);
    }
}
