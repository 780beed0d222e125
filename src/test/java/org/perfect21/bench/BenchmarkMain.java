package org.perfect21.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.perfect21.Perfect21Application;
import org.perfect21.cache.ResultCache;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the benchmark and writes the report: {@code BenchmarkMain <report.md> <scratch-dir> [--quick]}.
 * The scratch directory receives the workload definitions and the H2 database; {@code ops/bench}
 * creates and removes it.
 */
public final class BenchmarkMain {

    static final List<Integer> MATRIX = List.of(3, 5, 10, 20, 30);
    static final List<Integer> COMPARED = List.of(5, 30);
    static final Workload NO_OP = Workload.noOp(5);
    static final List<Integer> IN_FLIGHT = List.of(1, 8, 16);
    /** The in-flight counts the throughput target is stated for; 16 is measured as the API's reference. */
    static final List<Integer> TARGET_IN_FLIGHT = List.of(1, 8);
    /** The tuned peer's pool: the most agents this bench holds in flight (16 runs × 5 no-op agents; 30 in one run). */
    static final int TUNED_PEER_THREADS = Math.max(MATRIX.get(MATRIX.size() - 1),
            IN_FLIGHT.get(IN_FLIGHT.size() - 1) * NO_OP.agents());

    /**
     * How much to measure: repetitions after warm-up, the length of one throughput window, the REST API's launches,
     * purges of the generated history, and the completed runs at which the heap is taken with retention on.
     */
    record Settings(boolean quick, int repetitions, int warmups, Duration window, int apiLaunches, int apiRepetitions,
                    int purgeRepetitions, List<Integer> heapCheckpoints) {
        static Settings of(boolean quick) {
            return quick ? new Settings(true, 3, 1, Duration.ofMillis(1000), 1000, 2, 1, List.of(1_000, 3_000))
                    : new Settings(false, 7, 2, Duration.ofMillis(2000), 3000, 5, 1, List.of(1_000, 10_000));
        }
    }

    private final Settings settings;
    private final Results results = new Results();
    private final List<Contender> contenders = new ArrayList<>();
    private Contender perfect21;

    private BenchmarkMain(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BenchmarkMain <report.md> <scratch-dir> [--quick]");
            System.exit(2);
        }
        boolean quick = List.of(args).contains("--quick");
        new BenchmarkMain(Settings.of(quick)).execute(Path.of(args[0]), Path.of(args[1]));
        System.exit(0);
    }

    private void execute(Path report, Path scratch) throws Exception {
        long began = System.nanoTime();
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.createDirectories(jobs.resolve("agents"));
        List<Workload> workloads = new ArrayList<>(MATRIX.stream().map(Workload::timed).toList());
        workloads.add(NO_OP);
        for (Workload workload : workloads) {
            Files.writeString(jobs.resolve("workflows").resolve(workload.name() + ".yml"), workload.yaml());
        }
        ContextBench.writeWorkflows(jobs);
        CacheBench.writeWorkflow(jobs);
        FanOutBench.writeWorkflows(jobs);
        long startup = System.nanoTime();
        try (ConfigurableApplicationContext context = engine(scratch, jobs)) {
            results.startupMillis = (System.nanoTime() - startup) / 1_000_000;
            Definitions definitions = context.getBean(DefinitionLoader.class).load(jobs);
            Environment env = context.getEnvironment();
            perfect21 = new Perfect21Contender(context.getBean(WorkflowRunner.class), definitions);
            contenders.add(perfect21);
            contenders.add(PlainSpringBatchPeer.byDefault(definitions, env));
            contenders.add(PlainSpringBatchPeer.tuned(definitions, env, TUNED_PEER_THREADS));
            contenders.add(new ExecutorServiceFloor(definitions));
            try {
                warmUp();
                matrix();
                throughput();
                results.context.addAll(ContextBench.measure(context.getBean(WorkflowRunner.class), definitions,
                        context.getBean(JdbcTemplate.class), settings.repetitions()));
                results.cache.addAll(CacheBench.measure(context.getBean(WorkflowRunner.class), definitions,
                        context.getBean(JdbcTemplate.class), context.getBean(ResultCache.class), settings.repetitions()));
                results.fanOut.addAll(FanOutBench.measure(context.getBean(WorkflowRunner.class), definitions, settings.repetitions()));
            } finally {
                for (Contender contender : contenders.subList(1, contenders.size())) {
                    contender.close();
                }
            }
        }
        log("REST API: " + settings.apiLaunches() + " launches from " + ApiBench.CLIENTS + " clients × "
                + settings.apiRepetitions());
        results.api.addAll(ApiBench.measure(scratch, jobs, NO_OP, settings.apiLaunches(), 2, settings.apiRepetitions()));
        log("retention: purge of " + RetentionBench.HISTORY_RUNS + " runs × " + settings.purgeRepetitions()
                + ", heap at " + settings.heapCheckpoints() + " runs");
        long retention = System.nanoTime();
        results.purges.addAll(RetentionBench.purgeThroughput(scratch, settings.purgeRepetitions()));
        results.retentionHeap.addAll(RetentionBench.heapWithRetention(scratch, jobs, NO_OP, settings.heapCheckpoints()));
        results.retentionMillis = (System.nanoTime() - retention) / 1_000_000;
        // Before the sections that start processes: the JDK keeps a process reaper thread per process for a while,
        // which would count in this section's thread peak.
        log("http agents: " + HttpAgentBench.CALLS + " in flight against a stand-in answering after " + HttpAgentBench.DELAY_MS + " ms");
        results.http = HttpAgentBench.measure(Files.createDirectories(scratch.resolve("http")));
        // After the http section: PostgreSQL's driver leaves a cleaner thread for the JVM's lifetime, which would count in
        // that section's thread peak.
        log("PostgreSQL: 5-agent no-op throughput against plain Spring Batch on the same database");
        results.postgres = PostgresBench.measure(scratch, jobs, settings);
        log("git snapshot: in process against git processes");
        results.git = GitBench.measure(scratch, settings.quick());
        log("admin reports: " + ReportBench.RUNS + " generated runs");
        results.reports = ReportBench.measure(scratch);
        log("automatic selection: one auto phase over " + SelectionBench.AGENTS + " agents with their history");
        results.selection = SelectionBench.measure(Files.createDirectories(scratch.resolve("selection")));
        log("claude agents: " + ClaudeAgentBench.AGENTS + " real Claude Code CLIs in one phase against the Messages API stand-in");
        results.claude = ClaudeAgentBench.measure(Files.createDirectories(scratch.resolve("claude")), ClaudeAgentBench.AGENTS,
                ClaudeAgentBench.AGENTS, null);
        log("start-up: the command line as processes, median of " + StartupBench.REPETITIONS);
        results.startup = StartupBench.measure(Files.createDirectories(scratch.resolve("startup")));
        results.totalMillis = (System.nanoTime() - began) / 1_000_000;
        Files.writeString(report, new Report(settings, results, contenders.stream().map(Contender::name).toList()).render());
        log("wrote " + report + " in " + results.totalMillis / 1000 + " s");
    }

    /** JIT and connection pools warm on every code path before anything counts. */
    private void warmUp() throws Exception {
        log("warm-up");
        for (Contender contender : contenders) {
            // Throughput kept climbing over the first repetitions with a short warm-up: the JIT was not done.
            for (int inFlight : IN_FLIGHT) {
                Throughput.measure(contender, NO_OP, inFlight, settings.window().multipliedBy(settings.warmups()));
            }
            for (int n : COMPARED) {
                for (int i = 0; i < settings.warmups(); i++) {
                    contender.run(Workload.timed(n));
                }
            }
        }
    }

    /** The scalability matrix; the compared rows run every contender, interleaved, rotating who goes first. */
    private void matrix() throws Exception {
        for (int n : MATRIX) {
            Workload workload = Workload.timed(n);
            List<Contender> row = COMPARED.contains(n) ? contenders : List.of(perfect21);
            log("matrix " + workload.label() + " × " + row.size() + " contender(s)");
            for (Contender contender : row) {
                contender.run(workload);
            }
            for (int rep = 0; rep < settings.repetitions(); rep++) {
                for (Contender contender : Throughput.rotated(row, rep)) {
                    results.add(contender.name(), workload, contender.run(workload));
                }
            }
            results.heapAfterGc.put(n, heapUsedAfterGc());
        }
    }

    private void throughput() throws Exception {
        for (int inFlight : IN_FLIGHT) {
            log("throughput " + NO_OP.label() + ", " + inFlight + " in flight");
            Throughput.interleaved(contenders, NO_OP, inFlight, settings.window().dividedBy(2), settings.repetitions(),
                    settings.window(), results);
        }
    }

    /** The engine without a web server, on an H2 database in the scratch directory and the given jobs directory. */
    static ConfigurableApplicationContext engine(Path scratch, Path jobs) {
        return builder(scratch.resolve("data"), jobs).run();
    }

    /**
     * The engine as {@link #engine} starts it, but without the Quartz scheduler's timers (whose statements would fall
     * into a measurement at random), with the initializers given and the arguments (which win over application.yml).
     */
    @SafeVarargs
    static ConfigurableApplicationContext engineWithoutScheduler(Path dataDir, Path jobs, String[] args,
            org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        return builder(dataDir, jobs).properties("spring.quartz.auto-startup=false").initializers(initializers).run(args);
    }

    private static SpringApplicationBuilder builder(Path dataDir, Path jobs) {
        return new SpringApplicationBuilder(Perfect21Application.class)
                .web(WebApplicationType.NONE)
                .properties("perfect21.data-dir=" + dataDir, "perfect21.jobs-dir=" + jobs,
                        "logging.level.root=WARN", "spring.main.banner-mode=off");
    }

    static long heapUsedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
