package org.perfect21.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.perfect21.cache.ResultCache;
import org.perfect21.execution.RunOutcome;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunStatus;
import org.perfect21.workflow.Definitions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The result cache: a workflow of cacheable agents run twice with the same parameters. The first run
 * misses and stores; the second is served from the in-heap tiers; a third, after the in-heap tiers are
 * trimmed, from the database tier. Each repetition uses a fresh {@code seed} parameter, so its first run
 * cannot hit what an earlier repetition stored.
 */
final class CacheBench {

    static final String WORKFLOW = "cached-2x5x200ms";
    static final int AGENTS = 10;

    /** One repetition: walls of the three runs and the hits of the second and third. */
    record Sample(long firstNanos, long secondNanos, long coldNanos, int secondHits, int coldHits, int agents,
                  boolean allCompleted) {

        double secondRatio() {
            return (double) secondNanos / firstNanos;
        }

        double coldRatio() {
            return (double) coldNanos / firstNanos;
        }
    }

    private CacheBench() {
    }

    static void writeWorkflow(Path jobs) throws IOException {
        Files.writeString(jobs.resolve("workflows").resolve(WORKFLOW + ".yml"), "name: " + WORKFLOW + "\n"
                + "description: benchmark, cacheable agents over two phases\n"
                + "parameters:\n"
                + "  seed: {type: string, required: true}\n"
                + "phases:\n"
                + "  - name: draft\n"
                + "    instruction: \"Draft part of {{params.seed}}.\"\n"
                + "    agents:\n" + agents("d") + "\n"
                + "  - name: review\n"
                + "    instruction: \"Review:\\n{{context.text}}\"\n"
                + "    agents:\n" + agents("r") + "\n");
    }

    private static String agents(String prefix) {
        return IntStream.rangeClosed(1, AGENTS / 2)
                .mapToObj(i -> "      - {name: " + prefix + i + ", kind: simulated, latency: 150ms..250ms, outputBytes: 15KB,"
                        + " seed: " + i + ", cache: true, ttl: 1h}")
                .collect(Collectors.joining("\n"));
    }

    static List<Sample> measure(WorkflowRunner runner, Definitions definitions, JdbcTemplate jdbc, ResultCache cache,
                                int repetitions) {
        var workflow = definitions.workflow(WORKFLOW).orElseThrow();
        List<Sample> samples = new ArrayList<>();
        BenchmarkMain.log("result cache × " + repetitions);
        for (int rep = -1; rep < repetitions; rep++) {
            Map<String, Object> params = Map.of("seed", UUID.randomUUID().toString());
            long start = System.nanoTime();
            RunOutcome first = runner.execute(workflow, params);
            long firstNanos = System.nanoTime() - start;
            start = System.nanoTime();
            RunOutcome second = runner.execute(workflow, params);
            long secondNanos = System.nanoTime() - start;
            cache.trim();
            start = System.nanoTime();
            RunOutcome cold = runner.execute(workflow, params);
            long coldNanos = System.nanoTime() - start;
            if (rep >= 0) { // the first round warms the JIT
                samples.add(new Sample(firstNanos, secondNanos, coldNanos, hits(jdbc, second.runId()), hits(jdbc, cold.runId()),
                        AGENTS, List.of(first, second, cold).stream().allMatch(o -> RunStatus.COMPLETED == o.status())));
            }
        }
        return samples;
    }

    private static int hits(JdbcTemplate jdbc, String runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND CACHE_HIT", Integer.class, runId);
    }

    static void render(List<Sample> samples, Consumer<String> line) {
        if (samples.isEmpty()) {
            return;
        }
        line.accept("## Result cache");
        line.accept("");
        line.accept("A workflow of " + AGENTS + " cacheable simulated agents (150ms..250ms, 15 KB output, `cache: true`) over two phases,");
        line.accept("the second phase's instruction rendering the context, run three times with the same parameters: the first");
        line.accept("misses and stores; the second is served from the in-heap tiers; the third after `ResultCache.trim()` dropped");
        line.accept("them, from the database tier (and promoted). Each repetition uses a fresh `seed` parameter; medians of "
                + samples.size() + ".");
        line.accept("");
        line.accept("| run | wall p50 | hits | wall / first run |");
        line.accept("| --- | ---: | ---: | ---: |");
        line.accept(String.format("| first (misses) | %s | 0 / %d | 1.000 |", Stats.ms(Stats.median(samples, Sample::firstNanos)), AGENTS));
        line.accept(String.format("| second (hot tier) | %s | %.0f / %d | %s |", Stats.ms(Stats.median(samples, Sample::secondNanos)),
                Stats.median(samples, Sample::secondHits), AGENTS, Stats.ratio(Stats.median(samples, Sample::secondRatio))));
        line.accept(String.format("| third (cold tier, after a trim) | %s | %.0f / %d | %s |",
                Stats.ms(Stats.median(samples, Sample::coldNanos)), Stats.median(samples, Sample::coldHits), AGENTS,
                Stats.ratio(Stats.median(samples, Sample::coldRatio))));
        line.accept("");
        double hitRate = samples.stream().mapToDouble(s -> (double) s.secondHits() / s.agents()).min().orElse(0);
        double ratio = Stats.median(samples, Sample::secondRatio);
        line.accept("| target | measured | verdict |");
        line.accept("| --- | --- | --- |");
        line.accept(String.format("| ≥ 95 %% cache hits on the second run | %.0f %% (lowest of %d) | %s |", hitRate * 100, samples.size(),
                hitRate >= 0.95 ? "PASS" : "FAIL"));
        line.accept(String.format("| second run's wall ≤ 5 %% of the first | %.1f %% | %s |", ratio * 100, ratio <= 0.05 ? "PASS" : "FAIL"));
        line.accept(String.format("| every run completed | %s | %s |", samples.stream().allMatch(Sample::allCompleted) ? "yes" : "no",
                samples.stream().allMatch(Sample::allCompleted) ? "PASS" : "FAIL"));
        line.accept("");
    }
}
