package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.WorkflowRunner;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * The performance gate CI runs ({@code ops/bench --gate}): {@code GateMain <baseline.json> <scratch-dir> [--update-baseline
 * <reason>] [--sql]}. It fails (exit 1) when a reference workflow's SQL statements, bytes allocated or threads created per run
 * grow more than the baseline's tolerance, or when a same-run ratio falls past its floor: wall / critical path at 30
 * agents above 1.10, 5-agent no-op throughput below 1.5 × plain Spring Batch configured by default. Prints its table;
 * {@code --sql} also prints the statements of one run of each reference workflow, counted; {@code --costs-only} skips
 * the ratios (half a minute instead of two).
 */
public final class GateMain {

    /** The shipped 5-agent workflow (two phases, context between them) and the engine's bare minimum. */
    static final String REFERENCE = "feature-development";
    static final Workload NO_OP = Workload.noOp(5);
    static final Workload THIRTY = Workload.timed(30);
    static final double MAX_OVERHEAD = 1.10;
    static final double MIN_THROUGHPUT_RATIO = 1.5;
    static final List<Integer> IN_FLIGHT = List.of(1, 8);
    /** The tuned peer's pool: the most agents the gate holds in flight (30 in one run; 8 runs × 5). */
    static final int TUNED_PEER_THREADS = Math.max(THIRTY.agents(), IN_FLIGHT.get(IN_FLIGHT.size() - 1) * NO_OP.agents());
    static final int REPETITIONS = 5;
    static final Duration WINDOW = Duration.ofMillis(1000);
    static final int WINDOWS = 7;
    static final int WARM_UP_WINDOWS = 2;

    private final List<String[]> rows = new ArrayList<>();
    private final boolean printSql;
    private final Plan plan;
    private boolean failed;

    /**
     * How much the gate runs: warm-up and measured runs of each reference workflow, and whether the same-run ratios are
     * measured after the costs.
     */
    record Plan(int referenceWarmUps, int referenceRuns, int noOpWarmUps, int noOpRuns, boolean ratios) {
        /** What CI runs: warm enough that the C2 compiler has settled the allocation figures. */
        static final Plan FULL = new Plan(20, 11, 400, 31, true);

        Plan withoutRatios() {
            return new Plan(referenceWarmUps, referenceRuns, noOpWarmUps, noOpRuns, false);
        }
    }

    /** What a gate run found: whether a check failed, and its table. */
    record Verdict(boolean failed, String table) {
    }

    GateMain(boolean printSql, Plan plan) {
        this.printSql = printSql;
        this.plan = plan;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GateMain <baseline.json> <scratch-dir> [--sql] [--costs-only] [--update-baseline <reason>]");
            System.exit(2);
        }
        List<String> options = List.of(args).subList(2, args.length);
        int update = options.indexOf("--update-baseline");
        if (update >= 0 && (update + 1 >= options.size() || options.get(update + 1).isBlank())) {
            System.err.println("--update-baseline needs the reason the costs changed, as one argument");
            System.exit(2);
        }
        String reason = update >= 0 ? options.get(update + 1) : null;
        Plan plan = options.contains("--costs-only") ? Plan.FULL.withoutRatios() : Plan.FULL;
        Verdict verdict = new GateMain(options.contains("--sql"), plan).execute(Path.of(args[0]), Path.of(args[1]), reason);
        System.out.print(verdict.table());
        System.exit(verdict.failed() ? 1 : 0);
    }

    Verdict execute(Path baselineFile, Path scratch, String updateReason) throws Exception {
        long began = System.nanoTime();
        GateBaseline baseline = updateReason == null ? GateBaseline.read(baselineFile) : null;
        Path jobs = scratch.resolve("jobs");
        FileSystemUtils.copyRecursively(Path.of("jobs"), jobs);
        for (Workload workload : List.of(NO_OP, THIRTY)) {
            Files.writeString(jobs.resolve("workflows").resolve(workload.name() + ".yml"), workload.yaml());
        }
        SqlStatementCounter sql = new SqlStatementCounter();
        Map<String, RunCosts.Costs> costs = new LinkedHashMap<>();
        try (ConfigurableApplicationContext context = BenchmarkMain.engineWithoutScheduler(scratch.resolve("data"), jobs,
                new String[0], sql.wrapDataSources())) {
            Definitions definitions = context.getBean(DefinitionLoader.class).load(jobs);
            WorkflowRunner runner = context.getBean(WorkflowRunner.class);
            BenchmarkMain.log("gate: costs per run of " + REFERENCE + " and " + NO_OP.label());
            costs.put(REFERENCE, RunCosts.measure(runner, definitions.workflow(REFERENCE).orElseThrow(), Map.of(), sql,
                    plan.referenceWarmUps(), plan.referenceRuns()));
            costs.put(NO_OP.name(), RunCosts.measure(runner, definitions.workflow(NO_OP.name()).orElseThrow(), Map.of(), sql,
                    plan.noOpWarmUps(), plan.noOpRuns()));
            if (printSql) {
                for (String name : costs.keySet()) {
                    var workflow = definitions.workflow(name).orElseThrow();
                    System.out.println("\nStatements of one run of " + name + ":");
                    sql.record(() -> runner.execute(workflow, Map.of()))
                            .forEach((query, count) -> System.out.printf("%5d  %s%n", count, query));
                }
            }
            if (updateReason != null) {
                GateBaseline.of(updateReason, LocalDate.now(ZoneOffset.UTC).toString(), costs).write(baselineFile);
                BenchmarkMain.log("gate: wrote " + baselineFile);
                baseline = GateBaseline.read(baselineFile);
            }
        }
        compareCosts(baseline, costs);
        if (plan.ratios()) {
            // A second engine without the JDBC proxy, whose own cost would weigh on Perfect21 alone (the peers are not proxied).
            try (ConfigurableApplicationContext context = BenchmarkMain.engineWithoutScheduler(scratch.resolve("data"), jobs,
                    new String[0])) {
                ratios(context, context.getBean(WorkflowRunner.class), context.getBean(DefinitionLoader.class).load(jobs));
            }
        }
        return new Verdict(failed, table(baselineFile, baseline, (System.nanoTime() - began) / 1_000_000_000));
    }

    private void compareCosts(GateBaseline baseline, Map<String, RunCosts.Costs> measured) {
        for (Map.Entry<String, RunCosts.Costs> entry : measured.entrySet()) {
            RunCosts.Costs base = baseline.workflows().get(entry.getKey());
            RunCosts.Costs now = entry.getValue();
            if (base == null) {
                check(entry.getKey() + ": in the baseline", "missing", "present", false);
                continue;
            }
            cost(entry.getKey() + ": SQL statements per run", base.sqlStatements(), now.sqlStatements(), baseline.tolerance(), 0, "%.0f");
            cost(entry.getKey() + ": bytes allocated per run", base.bytesAllocated(), now.bytesAllocated(), baseline.tolerance(), 0, "%,.0f");
            // A pool may replace a thread now and then; a regression (a pool or a thread per run) starts one or more per run.
            cost(entry.getKey() + ": threads created per run", base.threadsCreated(), now.threadsCreated(), baseline.tolerance(), 0.5, "%.1f");
        }
    }

    private void cost(String what, double base, double now, double tolerance, double slack, String format) {
        double limit = Math.max(base * (1 + tolerance), base + slack);
        rows.add(new String[] {what, String.format(format, base), String.format(format, now), "≤ " + String.format(format, limit),
                verdict(now <= limit)});
        failed |= now > limit;
    }

    private void check(String what, String measured, String limit, boolean pass) {
        rows.add(new String[] {what, "", measured, limit, verdict(pass)});
        failed |= !pass;
    }

    private void info(String what, String measured) {
        rows.add(new String[] {what, "", measured, "", "(not gated)"});
    }

    /** Same-run ratios against plain Spring Batch configured by default and tuned, contenders interleaved. */
    private void ratios(ConfigurableApplicationContext context, WorkflowRunner runner, Definitions definitions) throws Exception {
        Environment env = context.getEnvironment();
        Contender perfect21 = new Perfect21Contender(runner, definitions);
        try (PlainSpringBatchPeer byDefault = PlainSpringBatchPeer.byDefault(definitions, env);
             PlainSpringBatchPeer tuned = PlainSpringBatchPeer.tuned(definitions, env, TUNED_PEER_THREADS)) {
            List<Contender> contenders = List.of(perfect21, byDefault, tuned);
            Results results = new Results();
            BenchmarkMain.log("gate: " + THIRTY.label() + " × " + REPETITIONS + " per contender");
            for (Contender contender : contenders) {
                contender.run(THIRTY);
            }
            for (int rep = 0; rep < REPETITIONS; rep++) {
                for (Contender contender : Throughput.rotated(contenders, rep)) {
                    results.add(contender.name(), THIRTY, contender.run(THIRTY));
                }
            }
            double ours = Stats.median(results.runs(perfect21.name(), THIRTY), RunSample::overhead);
            check(THIRTY.label() + ": wall / critical path, Perfect21", Stats.ratio(ours), "≤ " + MAX_OVERHEAD, ours <= MAX_OVERHEAD);
            info(THIRTY.label() + ": wall / critical path, " + byDefault.name() + " / " + tuned.name(),
                    Stats.ratio(Stats.median(results.runs(byDefault.name(), THIRTY), RunSample::overhead)) + " / "
                            + Stats.ratio(Stats.median(results.runs(tuned.name(), THIRTY), RunSample::overhead)));
            // The JIT settles on every throughput path of every contender before any window counts.
            BenchmarkMain.log("gate: throughput warm-up, " + WARM_UP_WINDOWS + " windows per contender and in-flight count");
            for (int inFlight : IN_FLIGHT) {
                for (Contender contender : contenders) {
                    Throughput.measure(contender, NO_OP, inFlight, WINDOW.multipliedBy(WARM_UP_WINDOWS));
                }
            }
            for (int inFlight : IN_FLIGHT) {
                Throughputs first = throughputs(contenders, inFlight);
                // A ratio under its floor is measured once more with fresh windows (the machine's noise moves one
                // contender's windows by 20 % between runs here); the gate fails only when both are under.
                Throughputs second = first.ratio(byDefault) >= MIN_THROUGHPUT_RATIO ? null : throughputs(contenders, inFlight);
                boolean pass = first.ratio(byDefault) >= MIN_THROUGHPUT_RATIO
                        || second.ratio(byDefault) >= MIN_THROUGHPUT_RATIO;
                check(NO_OP.label() + ", " + inFlight + " in flight: throughput, Perfect21 / " + byDefault.name(),
                        first.describe(byDefault) + (second == null ? "" : "; measured again: " + second.describe(byDefault)),
                        "≥ " + MIN_THROUGHPUT_RATIO + "×", pass);
                info(NO_OP.label() + ", " + inFlight + " in flight: throughput, Perfect21 / " + tuned.name(),
                        first.describe(tuned) + (second == null ? "" : "; measured again: " + second.describe(tuned)));
            }
        }
    }

    /** Median runs/s per contender over interleaved windows whose order rotates. */
    private Throughputs throughputs(List<Contender> contenders, int inFlight) throws Exception {
        BenchmarkMain.log("gate: " + NO_OP.label() + " throughput, " + inFlight + " in flight, " + WINDOWS
                + " windows of " + WINDOW.toMillis() + " ms per contender");
        Results results = new Results();
        Throughput.interleaved(contenders, NO_OP, inFlight, WINDOW, WINDOWS, WINDOW, results);
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            medians.put(contender.name(), results.medianRunsPerSecond(contender.name(), NO_OP, inFlight));
        }
        return new Throughputs(contenders.get(0).name(), medians);
    }

    /** Runs/s by contender; the first named is Perfect21. */
    private record Throughputs(String ours, Map<String, Double> runsPerSecond) {
        double ratio(Contender peer) {
            return runsPerSecond.get(ours) / runsPerSecond.get(peer.name());
        }

        String describe(Contender peer) {
            return String.format("%.2f× (%.0f vs %.0f runs/s)", ratio(peer), runsPerSecond.get(ours), runsPerSecond.get(peer.name()));
        }
    }

    private String table(Path baselineFile, GateBaseline baseline, long seconds) {
        StringBuilder out = new StringBuilder("\nPerformance gate: costs per run against " + baselineFile + " (written " + baseline.measuredOn()
                + ": " + baseline.reason() + "), tolerance +" + Math.round(baseline.tolerance() * 100) + " %; ratios of one run, medians of "
                + REPETITIONS + " runs and " + WINDOWS + " throughput windows of " + WINDOW.toMillis() + " ms; plain Spring Batch (default) = Spring Boot's sizes, 8 threads and 10 connections;"
                + " (tuned) = " + TUNED_PEER_THREADS + " threads and " + (TUNED_PEER_THREADS + 2) + " connections\n\n");
        out.append("| Check | Baseline | Measured | Limit | Result |\n|---|---:|---:|---:|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append("\nGate ").append(failed ? "FAILED" : "passed").append(" in ").append(seconds).append(" s\n");
        return out.toString();
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "**FAIL**";
    }
}
