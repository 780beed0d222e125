package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The REST API part of the benchmark alone, for profiling: {@code ApiProfileMain <scratch-dir> <launches> <repetitions>}.
 * A diagnostic for {@code ops/BENCHMARKS.md}, not part of it.
 */
public final class ApiProfileMain {

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.writeString(jobs.resolve("workflows").resolve(BenchmarkMain.NO_OP.name() + ".yml"), BenchmarkMain.NO_OP.yaml());
        List<ApiBench.Sample> samples = ApiBench.measure(scratch, jobs, BenchmarkMain.NO_OP, Integer.parseInt(args[1]), 1,
                Integer.parseInt(args[2]));
        for (ApiBench.Sample s : samples) {
            System.out.printf("POST p50 %.1f ms, p99 %.1f ms, %.0f launches/s, %.0f runs/s end to end, queue wait p50 %.0f ms, drain %.0f runs/s%n",
                    s.percentileMillis(0.5), s.percentileMillis(0.99), s.launchesPerSecond(), s.runsPerSecond(), s.queueWaitP50Millis(),
                    s.drainRunsPerSecond());
        }
        System.exit(0);
    }
}
