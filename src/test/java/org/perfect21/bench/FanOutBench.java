package org.perfect21.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.perfect21.execution.RunOutcome;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunStatus;
import org.perfect21.workflow.Definitions;

/**
 * A phase of 1,000 {@code forEach} items × a no-op agent, against the same phase with its 1,000 agents written out
 * (the engine's static fan-out, its fair peer: same kind, same rows written, same partitions), run alternately. A no-op
 * agent completes at once, so a run's whole wall is the engine's overhead beyond its agents. The heap after GC is taken
 * after every fan-out run, to show it stays flat.
 */
final class FanOutBench {

    static final int ITEMS = 1_000;
    static final String FAN_OUT = "fan-out-" + ITEMS;
    static final String WRITTEN = "written-out-" + ITEMS;

    record Sample(long fanOutNanos, long writtenNanos, long heapAfterGc, boolean completed) {
    }

    private FanOutBench() {
    }

    static void writeWorkflows(Path jobs) throws IOException {
        Files.writeString(jobs.resolve("workflows").resolve(FAN_OUT + ".yml"), """
                name: %s
                description: benchmark, one agent over %d forEach items, no-op
                parameters:
                  items: {type: list}
                phases:
                  - name: each
                    agents:
                      - {name: item, kind: simulated, forEach: "{{params.items}}", outputBytes: 64}
                """.formatted(FAN_OUT, ITEMS));
        String agents = IntStream.range(0, ITEMS).mapToObj(i -> "      - {name: item" + i + ", kind: simulated, outputBytes: 64}")
                .collect(Collectors.joining("\n"));
        Files.writeString(jobs.resolve("workflows").resolve(WRITTEN + ".yml"), "name: " + WRITTEN + "\n"
                + "description: benchmark, " + ITEMS + " agents written out, no-op\n"
                + "phases:\n  - name: each\n    agents:\n" + agents + "\n");
    }

    static List<Sample> measure(WorkflowRunner runner, Definitions definitions, int repetitions) {
        var fanOut = definitions.workflow(FAN_OUT).orElseThrow();
        var written = definitions.workflow(WRITTEN).orElseThrow();
        Map<String, Object> params = Map.of("items", IntStream.range(0, ITEMS).mapToObj(i -> "src/file" + i + ".java").toList());
        runner.execute(fanOut, params);
        runner.execute(written, Map.of());
        BenchmarkMain.log("fan-out: " + ITEMS + " forEach items against " + ITEMS + " agents written out × " + repetitions);
        List<Sample> samples = new ArrayList<>();
        for (int rep = 0; rep < repetitions; rep++) {
            long start = System.nanoTime();
            RunOutcome fanned = runner.execute(fanOut, params);
            long fanOutNanos = System.nanoTime() - start;
            long heap = BenchmarkMain.heapUsedAfterGc();
            start = System.nanoTime();
            RunOutcome plain = runner.execute(written, Map.of());
            long writtenNanos = System.nanoTime() - start;
            samples.add(new Sample(fanOutNanos, writtenNanos, heap,
                    fanned.status() == RunStatus.COMPLETED && plain.status() == RunStatus.COMPLETED));
        }
        return samples;
    }

    static void render(List<Sample> samples, Consumer<String> line) {
        if (samples.isEmpty()) {
            return;
        }
        double fanOut = Stats.median(samples, Sample::fanOutNanos);
        double written = Stats.median(samples, Sample::writtenNanos);
        long firstHeap = samples.get(0).heapAfterGc();
        long lastHeap = samples.get(samples.size() - 1).heapAfterGc();
        long maxHeap = samples.stream().mapToLong(Sample::heapAfterGc).max().orElse(0);
        line.accept("## Dynamic fan-out (`forEach`)");
        line.accept("");
        line.accept("One phase of one `simulated` no-op agent (64-byte output, completes at once) with `forEach` over a `list` parameter of "
                + String.format("%,d", ITEMS) + " items, against the same phase with its " + String.format("%,d", ITEMS) + " agents written out in the file (same kind, same "
                + "partitions, same rows written), run alternately in one JVM; medians of " + samples.size() + ". A no-op agent "
                + "takes no time, so a run's wall is the engine's overhead beyond its agents: rendering the items, "
                + String.format("%,d instances, %,d result rows", ITEMS, ITEMS) + ", the phase's gate.");
        line.accept("");
        line.accept("| phase | wall p50 | ratio to written out |");
        line.accept("| --- | ---: | ---: |");
        line.accept(String.format("| %,d forEach items | %s | %s |", ITEMS, Stats.ms(fanOut), Stats.ratio(fanOut / written)));
        line.accept(String.format("| %,d agents written out | %s | 1.000 |", ITEMS, Stats.ms(written)));
        line.accept("");
        line.accept(String.format("Heap used after GC (`System.gc()`, whole JVM) after each fan-out run: first %d MB, last %d MB, highest %d MB.",
                firstHeap >> 20, lastHeap >> 20, maxHeap >> 20));
        line.accept("");
        boolean fast = fanOut <= 1e9;
        // Flat: the last run leaves no more than 32 MB more behind than the first (H2's page cache grows with the rows).
        boolean flat = lastHeap - firstHeap <= 32L << 20;
        boolean completed = samples.stream().allMatch(Sample::completed);
        line.accept("| target | measured | verdict |");
        line.accept("| --- | --- | --- |");
        line.accept(String.format("| %,d forEach items × no-op: ≤ 1 s overhead beyond the agents | %s | %s |", ITEMS, Stats.ms(fanOut),
                fast ? "PASS" : "FAIL"));
        line.accept(String.format("| memory flat: heap after GC, last run ≤ first + 32 MB | %+d MB | %s |", (lastHeap - firstHeap) >> 20,
                flat ? "PASS" : "FAIL"));
        line.accept(String.format("| every run completed | %s | %s |", completed ? "yes" : "no", completed ? "PASS" : "FAIL"));
        line.accept("");
    }
}
