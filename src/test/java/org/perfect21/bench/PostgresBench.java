package org.perfect21.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.WorkflowRunner;
import org.perfect21.testing.TestDatabase;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The 5-agent no-op throughput on PostgreSQL: Perfect21 on a fresh database of the machine's PostgreSQL against plain
 * Spring Batch on the same database (default and tuned), windows interleaved as in the H2 section. Target (issue 16):
 * Perfect21 ≥ 1.5 × plain Spring Batch (default).
 */
final class PostgresBench {

    static final List<Integer> IN_FLIGHT = List.of(1, 8);
    static final double TARGET = 1.5;
    static final int TUNED_THREADS = IN_FLIGHT.get(IN_FLIGHT.size() - 1) * BenchmarkMain.NO_OP.agents();

    /** Median runs/s by in-flight count and contender; the error when PostgreSQL could not be used. */
    record Result(Map<Integer, Map<String, Double>> runsPerSecond, int windows, long windowMillis, String error) {

        boolean pass() {
            return error == null && runsPerSecond.values().stream().allMatch(row ->
                    row.get("Perfect21") >= TARGET * row.get(PlainSpringBatchPeer.DEFAULT));
        }

        String target() {
            if (error != null) {
                return "| 5 no-op agents on PostgreSQL: throughput ≥ 1.5 × plain Spring Batch (default) on PostgreSQL | not measured: "
                        + error + " | **FAIL** |";
            }
            StringBuilder measured = new StringBuilder();
            runsPerSecond.forEach((inFlight, row) -> measured.append(measured.length() == 0 ? "" : "; ")
                    .append(String.format("%d in flight: %.1f vs %.1f runs/s = %.2f× (tuned peer %.1f: %.2f×)", inFlight,
                            row.get("Perfect21"), row.get(PlainSpringBatchPeer.DEFAULT),
                            row.get("Perfect21") / row.get(PlainSpringBatchPeer.DEFAULT), row.get(PlainSpringBatchPeer.TUNED),
                            row.get("Perfect21") / row.get(PlainSpringBatchPeer.TUNED))));
            return "| 5 no-op agents on PostgreSQL, 1 and 8 in flight: throughput ≥ 1.5 × plain Spring Batch (default) on"
                    + " PostgreSQL | " + measured + " | " + (pass() ? "**PASS**" : "**FAIL**") + " |";
        }

        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## PostgreSQL: 5-agent no-op throughput");
            lines.add("");
            if (error != null) {
                lines.add("Not measured: " + error);
                return lines;
            }
            lines.add("Perfect21 with `spring.datasource.url` on a fresh database of the machine's PostgreSQL (" + TestDatabase.DEFAULT_SERVER
                    + " server; Hikari as the application configures it, max 20), and plain Spring Batch on the same database: (default) with"
                    + " Spring Boot's sizes (8 threads, 10 connections), (tuned) with " + TUNED_THREADS + " threads and "
                    + (TUNED_THREADS + 2) + " connections. Both peers create job executions at READ_COMMITTED, as Perfect21"
                    + " does: at Spring Batch's default SERIALIZABLE, concurrent launches on PostgreSQL fail each other's"
                    + " serialization checks. Medians of " + windows + " interleaved windows of " + windowMillis + " ms after warm-up.");
            lines.add("");
            lines.add("This section alone: `" + PostgresBenchMain.COMMAND + "`");
            lines.add("");
            lines.add("| In flight | Perfect21 runs/s | " + PlainSpringBatchPeer.DEFAULT + " runs/s | " + PlainSpringBatchPeer.TUNED
                    + " runs/s | Perfect21 / default | Perfect21 / tuned |");
            lines.add("|---:|---:|---:|---:|---:|---:|");
            runsPerSecond.forEach((inFlight, row) -> lines.add(String.format("| %d | %.1f | %.1f | %.1f | %.2f× | %.2f× |", inFlight,
                    row.get("Perfect21"), row.get(PlainSpringBatchPeer.DEFAULT), row.get(PlainSpringBatchPeer.TUNED),
                    row.get("Perfect21") / row.get(PlainSpringBatchPeer.DEFAULT), row.get("Perfect21") / row.get(PlainSpringBatchPeer.TUNED))));
            lines.add("");
            return lines;
        }
    }

    private PostgresBench() {
    }

    static Result measure(Path scratch, Path jobs, BenchmarkMain.Settings settings) {
        TestDatabase.Created database;
        try {
            database = TestDatabase.createPostgres();
        } catch (RuntimeException e) {
            return new Result(Map.of(), 0, 0, e.getMessage());
        }
        // As arguments: the builder's properties are defaults, below application.yml's H2 URL. Hikari stays as the
        // application configures it (the test settings of TestDatabase are left out).
        String[] datasource = database.properties().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("spring.datasource.hikari."))
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext context = BenchmarkMain.engineWithoutScheduler(scratch.resolve("pg-data"), jobs,
                datasource)) {
            Definitions definitions = context.getBean(DefinitionLoader.class).load(jobs);
            Contender perfect21 = new Perfect21Contender(context.getBean(WorkflowRunner.class), definitions);
            try (PlainSpringBatchPeer byDefault = PlainSpringBatchPeer.byDefault(definitions, context.getEnvironment());
                 PlainSpringBatchPeer tuned = PlainSpringBatchPeer.tuned(definitions, context.getEnvironment(), TUNED_THREADS)) {
                List<Contender> contenders = List.of(perfect21, byDefault, tuned);
                Map<Integer, Map<String, Double>> medians = new LinkedHashMap<>();
                for (int inFlight : IN_FLIGHT) {
                    BenchmarkMain.log("PostgreSQL: " + BenchmarkMain.NO_OP.label() + ", " + inFlight + " in flight");
                    Results results = new Results();
                    Throughput.interleaved(contenders, BenchmarkMain.NO_OP, inFlight, settings.window().multipliedBy(settings.warmups()),
                            settings.repetitions(), settings.window(), results);
                    Map<String, Double> row = new LinkedHashMap<>();
                    for (Contender contender : contenders) {
                        row.put(contender.name(), results.medianRunsPerSecond(contender.name(), BenchmarkMain.NO_OP, inFlight));
                    }
                    medians.put(inFlight, row);
                }
                return new Result(medians, settings.repetitions(), settings.window().toMillis(), null);
            }
        } catch (Exception e) {
            return new Result(Map.of(), 0, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            database.drop().run();
        }
    }
}
