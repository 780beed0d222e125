package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.perfect21.execution.WorkflowRunner;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the cache benchmark's workflow once to fill the cache, then {@code n} times served from the hot tier:
 * {@code CacheProfileMain <scratch-dir> <n>}. A diagnostic (add -XX:StartFlightRecording to see where a served run's time goes).
 */
public final class CacheProfileMain {

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.createDirectories(jobs.resolve("agents"));
        CacheBench.writeWorkflow(jobs);
        try (ConfigurableApplicationContext context = BenchmarkMain.engine(scratch, jobs)) {
            Definitions definitions = context.getBean(DefinitionLoader.class).load(jobs);
            WorkflowRunner runner = context.getBean(WorkflowRunner.class);
            var workflow = definitions.workflow(CacheBench.WORKFLOW).orElseThrow();
            Map<String, Object> params = Map.of("seed", "profile");
            runner.execute(workflow, params);
            long[] walls = new long[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                runner.execute(workflow, params);
                walls[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(walls);
            System.out.printf("served runs: p50 %.1f ms, min %.1f ms, p90 %.1f ms%n", walls[n / 2] / 1e6, walls[0] / 1e6,
                    walls[n * 9 / 10] / 1e6);
        }
        System.exit(0);
    }
}
