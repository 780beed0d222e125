package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The retention part of the benchmark alone: {@code RetentionProfileMain <scratch-dir> [--quick]}. A diagnostic
 * for {@code ops/BENCHMARKS.md}, not part of it.
 */
public final class RetentionProfileMain {

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        BenchmarkMain.Settings settings = BenchmarkMain.Settings.of(List.of(args).contains("--quick"));
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.writeString(jobs.resolve("workflows").resolve(BenchmarkMain.NO_OP.name() + ".yml"), BenchmarkMain.NO_OP.yaml());
        long began = System.nanoTime();
        for (RetentionBench.PurgeSample s : RetentionBench.purgeThroughput(scratch, settings.purgeRepetitions())) {
            System.out.printf("purge: %d runs, %d rows in %d ms: %.0f runs/s, %.0f rows/s%n", s.runs(), s.rows(), s.millis(),
                    s.runsPerSecond(), s.rowsPerSecond());
        }
        for (RetentionBench.HeapSample s : RetentionBench.heapWithRetention(scratch, jobs, BenchmarkMain.NO_OP,
                settings.heapCheckpoints())) {
            System.out.printf("heap after %d runs: %.1f MB (%d runs, %d agent rows left; %d purges, %d runs purged)%n", s.runs(),
                    s.heapBytes() / 1048576.0, s.runRows(), s.agentRows(), s.purges(), s.runsPurged());
        }
        System.out.printf("took %d s%n", (System.nanoTime() - began) / 1_000_000_000);
        System.exit(0);
    }
}
