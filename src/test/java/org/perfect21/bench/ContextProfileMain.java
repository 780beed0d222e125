package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.perfect21.cache.ResultCache;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The context-budget and result-cache parts of the benchmark alone: {@code ContextProfileMain <scratch-dir> [--quick]}; prints the
 * section as {@code ops/BENCHMARKS.md} would have it.
 */
public final class ContextProfileMain {

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        BenchmarkMain.Settings settings = BenchmarkMain.Settings.of(List.of(args).contains("--quick"));
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.createDirectories(jobs.resolve("agents"));
        ContextBench.writeWorkflows(jobs);
        CacheBench.writeWorkflow(jobs);
        try (ConfigurableApplicationContext context = BenchmarkMain.engine(scratch, jobs)) {
            Definitions definitions = context.getBean(DefinitionLoader.class).load(jobs);
            WorkflowRunner runner = context.getBean(WorkflowRunner.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ContextBench.render(ContextBench.measure(runner, definitions, jdbc, settings.repetitions()), System.out::println);
            CacheBench.render(CacheBench.measure(runner, definitions, jdbc, context.getBean(ResultCache.class),
                    settings.repetitions()), System.out::println);
        }
        System.exit(0);
    }
}
