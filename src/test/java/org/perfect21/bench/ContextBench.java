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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scalability matrix with the run context in play: N simulated agents of 15 KB output split over two
 * phases, the second phase's instructions rendering the whole context ({@code {{context.text}}}). Reads
 * each run's context back from the database.
 */
final class ContextBench {

    static final long BUDGET = 150 * 1024;
    static final List<Integer> MATRIX = BenchmarkMain.MATRIX;

    /** One run: agents, status, and its context as stored. */
    record Sample(int agents, boolean completed, long wallNanos, long bytes, long peakBytes, int entries, int evictions,
                  int cuts) {
    }

    private ContextBench() {
    }

    static String workflowName(int agents) {
        return "context-" + agents + "x15KB";
    }

    static void writeWorkflows(Path jobs) throws IOException {
        for (int n : MATRIX) {
            int first = (n + 1) / 2;
            Files.writeString(jobs.resolve("workflows").resolve(workflowName(n) + ".yml"), yaml(n, first, n - first));
        }
    }

    private static String yaml(int n, int first, int second) {
        return "name: " + workflowName(n) + "\n"
                + "description: benchmark, " + n + " agents of 15 KB over two phases, the second reading the context\n"
                + "phases:\n"
                + "  - name: draft\n"
                + "    agents:\n" + agents("d", first, "") + "\n"
                + "  - name: review\n"
                + "    instruction: \"Review what the drafts said:\\n{{context.text}}\"\n"
                + "    agents:\n" + agents("r", Math.max(1, second), "") + "\n";
    }

    private static String agents(String prefix, int count, String extra) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "      - {name: " + prefix + i + ", kind: simulated, latency: 150ms..250ms, outputBytes: 15KB" + extra + "}")
                .collect(Collectors.joining("\n"));
    }

    static List<Sample> measure(WorkflowRunner runner, Definitions definitions, JdbcTemplate jdbc, int repetitions) {
        List<Sample> samples = new ArrayList<>();
        for (int n : MATRIX) {
            var workflow = definitions.workflow(workflowName(n)).orElseThrow();
            runner.execute(workflow, Map.of()); // warm
            BenchmarkMain.log("context matrix " + n + " agents × " + repetitions);
            for (int rep = 0; rep < repetitions; rep++) {
                long start = System.nanoTime();
                RunOutcome outcome = runner.execute(workflow, Map.of());
                long wall = System.nanoTime() - start;
                Map<String, Object> row = jdbc.queryForMap("SELECT BYTES, PEAK_BYTES, ENTRIES, EVICTIONS, CUTS FROM P21_RUN_CONTEXT"
                        + " WHERE RUN_ID = ?", outcome.runId());
                samples.add(new Sample(n, RunStatus.COMPLETED == outcome.status(), wall, ((Number) row.get("BYTES")).longValue(),
                        ((Number) row.get("PEAK_BYTES")).longValue(), ((Number) row.get("ENTRIES")).intValue(),
                        ((Number) row.get("EVICTIONS")).intValue(), ((Number) row.get("CUTS")).intValue()));
            }
        }
        return samples;
    }

    static void render(List<Sample> samples, Consumer<String> line) {
        line.accept("## Context budget");
        line.accept("");
        line.accept("The scalability matrix again, with the context in play: N simulated agents (150ms..250ms, 15 KB output each)");
        line.accept("split over two phases, `draft` (⌈N/2⌉ agents) and `review` (the rest), whose instruction renders the whole");
        line.accept("context (`{{context.text}}`). Default budget: 150 KB (153,600 B), 38,400 estimated tokens. Context figures are");
        line.accept("read from `P21_RUN_CONTEXT` after each run: what it holds at the end (both phases' outputs under the budget),");
        line.accept("and the most it held at any point.");
        line.accept("");
        line.accept("| agents | runs | failed | wall p50 | context at end (median / max) | peak | entries | evictions | cuts |");
        line.accept("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int n : MATRIX) {
            List<Sample> row = samples.stream().filter(s -> s.agents() == n).toList();
            if (row.isEmpty()) {
                continue;
            }
            line.accept(String.format("| %d | %d | %d | %s | %.1f KB / %.1f KB | %.1f KB | %.0f | %.0f | %.0f |", n, row.size(),
                    row.stream().filter(s -> !s.completed()).count(), Stats.ms(Stats.median(row, Sample::wallNanos)),
                    Stats.median(row, Sample::bytes) / 1024, row.stream().mapToLong(Sample::bytes).max().orElse(0) / 1024.0,
                    row.stream().mapToLong(Sample::peakBytes).max().orElse(0) / 1024.0, Stats.median(row, Sample::entries),
                    Stats.median(row, Sample::evictions), Stats.median(row, Sample::cuts)));
        }
        line.accept("");
        long failed = samples.stream().filter(s -> !s.completed()).count();
        long maxAt30 = samples.stream().filter(s -> s.agents() == 30).mapToLong(Sample::peakBytes).max().orElse(-1);
        double mean = samples.stream().mapToLong(Sample::bytes).average().orElse(Double.NaN);
        line.accept("| target | measured | verdict |");
        line.accept("| --- | --- | --- |");
        line.accept(String.format("| context ≤ 150 KB at 30 agents (the most held at any point) | %.1f KB | %s |", maxAt30 / 1024.0,
                maxAt30 >= 0 && maxAt30 <= BUDGET ? "PASS" : "FAIL"));
        line.accept(String.format("| 0 runs failed for context | %d failed of %d | %s |", failed, samples.size(),
                failed == 0 ? "PASS" : "FAIL"));
        line.accept(String.format("| mean context ≤ 120 KB (all runs of the matrix, at their end) | %.1f KB | %s |", mean / 1024,
                mean <= 120 * 1024 ? "PASS" : "FAIL"));
        line.accept("");
    }
}
