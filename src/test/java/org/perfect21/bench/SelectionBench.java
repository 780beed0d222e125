package org.perfect21.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.perfect21.history.RunDocument;
import org.perfect21.selection.AgentSelector;
import org.perfect21.workflow.AutoSelection;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.ParameterResolver;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Automatic selection over a generated library of {@link #AGENTS} agents in ten categories (descriptions drawn from a
 * fixed seed), with {@link #RESULTS_PER_AGENT} recorded results per agent in the engine's own H2 file database: the
 * selection of one auto phase ({@code AgentSelector.select}: rendering the task, the complexity rules, BM25 over the
 * in-memory index, the history of the candidates the count reaches read from {@code P21_AGENT_RESULT}, the combined
 * order), for a simple, a standard and a complex task in turn, after a warm-up. The median is held against {@link #TARGET_MS}.
 */
final class SelectionBench {

    static final int AGENTS = 100;
    static final int RESULTS_PER_AGENT = 500;
    static final double TARGET_MS = 5;
    static final int WARM_UPS = 300;
    static final int SELECTIONS = 900;
    static final List<String> TASKS = List.of(
            "Fix a typo in the checkout page's error message",
            "Add an export of the monthly invoices as CSV files for the accounting team",
            "Migrate the order database to PostgreSQL and refactor the payment service around events");
    private static final List<String> CATEGORIES = List.of("backend", "frontend", "data", "security", "testing", "docs", "devops",
            "performance", "mobile", "payments");
    private static final List<String> WORDS = List.of("service", "database", "schema", "index", "migration", "query", "cache",
            "page", "form", "component", "style", "layout", "pipeline", "export", "report", "warehouse", "token", "secret",
            "injection", "audit", "test", "coverage", "contract", "guide", "reference", "release", "container", "deployment",
            "cluster", "latency", "throughput", "memory", "profile", "android", "ios", "offline", "invoice", "payment", "refund",
            "checkout", "event", "queue", "api", "endpoint", "error", "message", "accounting", "order", "postgresql", "csv");

    /**
     * The section's figures.
     *
     * @param firstMs the first selection, which builds the phase's index
     * @param nanos   each measured selection's wall time
     * @param chosen  per task: its complexity and how many agents were chosen
     * @param unmatchedNanos each selection's wall time for a task no candidate is relevant to: one near tie of all, so
     *                       every candidate's history is read
     */
    record Result(int agents, long historyRows, double generateSeconds, double firstMs, List<Long> nanos, List<String> chosen,
                  List<Long> unmatchedNanos) {

        double medianMs() {
            return Stats.median(nanos, n -> n / 1e6);
        }

        double p95Ms() {
            return p95(nanos);
        }

        boolean pass() {
            return medianMs() <= TARGET_MS;
        }

        /** The report's section. */
        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## Automatic selection");
            lines.add("");
            lines.add(String.format("One auto phase choosing from the whole library of %d agents (ten categories of ten, generated"
                    + " descriptions) with one always agent and the default counts, through `AgentSelector.select` on the calling"
                    + " thread: the task rendered, the complexity rules, BM25 over the phase's in-memory Lucene index, the last"
                    + " 50 results of the candidates the count reaches read from `P21_AGENT_RESULT` (%,d rows in the engine's H2"
                    + " file database, generated in %.1f s), the combined order. %d warm-up selections, then %d measured, the three tasks in turn"
                    + " (%s). The first selection, which builds the index (and loads Lucene's classes), took %.1f ms.", agents, historyRows, generateSeconds,
                    WARM_UPS, nanos.size(), String.join("; ", chosen), firstMs));
            lines.add("");
            lines.add("| Target | Median | p95 | Min | Max | Result |");
            lines.add("|---|---:|---:|---:|---:|---|");
            lines.add(String.format("| ≤ %.0f ms per phase (median) | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %s |", TARGET_MS, medianMs(),
                    p95Ms(), nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                    nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, pass() ? "**PASS**" : "**FAIL**"));
            lines.add("");
            lines.add(String.format("History is read only for the candidates whose near-tie group the count reaches (and the always"
                    + " agent). A task none of the %d is relevant to (\"%s\") puts them all in one group, so every candidate's"
                    + " history is read: median %.2f ms, p95 %.2f ms over %d selections.", agents, UNMATCHED,
                    Stats.median(unmatchedNanos, n -> n / 1e6), p95(unmatchedNanos), unmatchedNanos.size()));
            lines.add("");
            lines.add("This section alone: `" + SelectionBenchMain.COMMAND + "`");
            lines.add("");
            return lines;
        }
    }

    static final String UNMATCHED = "Tidy up whatever looks odd";

    private SelectionBench() {
    }

    private static double p95(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6;
    }

    static Result measure(Path scratch) throws IOException {
        Path jobs = scratch.resolve("jobs");
        List<String> names = writeLibrary(jobs);
        try (ConfigurableApplicationContext context = BenchmarkMain.engine(scratch, jobs)) {
            WorkflowDefinition workflow = context.getBean(DefinitionLoader.class).load(jobs).workflow("selection").orElseThrow();
            AutoSelection auto = workflow.phases().get(0).auto();
            AgentSelector selector = context.getBean(AgentSelector.class);
            long generating = System.nanoTime();
            long rows = generateHistory(context.getBean(JdbcTemplate.class), names);
            double generateSeconds = (System.nanoTime() - generating) / 1e9;
            List<Map<String, Object>> params = TASKS.stream().map(task -> ParameterResolver.resolve(workflow, Map.of("task", task))).toList();
            long first = System.nanoTime();
            selector.select(auto, params.get(0));
            double firstMs = (System.nanoTime() - first) / 1e6;
            for (int i = 0; i < WARM_UPS; i++) {
                selector.select(auto, params.get(i % params.size()));
            }
            List<Long> nanos = new ArrayList<>(SELECTIONS);
            for (int i = 0; i < SELECTIONS; i++) {
                long start = System.nanoTime();
                selector.select(auto, params.get(i % params.size()));
                nanos.add(System.nanoTime() - start);
            }
            Map<String, Object> unmatched = ParameterResolver.resolve(workflow, Map.of("task", UNMATCHED));
            List<Long> unmatchedNanos = new ArrayList<>();
            for (int i = 0; i < SELECTIONS / 3; i++) {
                long start = System.nanoTime();
                selector.select(auto, unmatched);
                unmatchedNanos.add(System.nanoTime() - start);
            }
            List<String> chosen = new ArrayList<>();
            for (Map<String, Object> p : params) {
                RunDocument.Selection selection = selector.select(auto, p);
                chosen.add(selection.complexity() + ": " + selection.chosen().size() + " agents");
            }
            return new Result(names.size(), rows, generateSeconds, firstMs, nanos, chosen, unmatchedNanos);
        }
    }

    private static List<String> writeLibrary(Path jobs) throws IOException {
        Random random = new Random(14);
        List<String> names = new ArrayList<>();
        for (String category : CATEGORIES) {
            Path dir = Files.createDirectories(jobs.resolve("agents").resolve(category));
            for (int i = 0; i < AGENTS / CATEGORIES.size(); i++) {
                String name = category + "-" + WORDS.get(random.nextInt(WORDS.size())) + "-" + i;
                List<String> words = new ArrayList<>();
                for (int w = 0; w < 6 + random.nextInt(6); w++) {
                    words.add(WORDS.get(random.nextInt(WORDS.size())));
                }
                Files.writeString(dir.resolve(name + ".md"), "---\nname: " + name + "\ndescription: Works on " + String.join(", ", words)
                        + ".\ncategory: " + category + "\nkind: simulated\n---\nYou are " + name + ".\n");
                names.add(name);
            }
        }
        Files.createDirectories(jobs.resolve("workflows"));
        Files.writeString(jobs.resolve("workflows").resolve("selection.yml"), """
                name: selection
                parameters:
                  task: {type: string, required: true}
                phases:
                  - name: plan
                    agents:
                      auto:
                        task: "{{params.task}}"
                        always: [%s]
                """.formatted(names.get(0)));
        return names;
    }

    /** Runs of ten results each, spread over the agents, completed but one in ten, lasting 20 ms to 2 s. */
    private static long generateHistory(JdbcTemplate jdbc, List<String> agents) {
        Random random = new Random(21);
        Instant start = Instant.now().minusSeconds(86_400);
        long rows = 0;
        int runs = agents.size() * RESULTS_PER_AGENT / 10;
        List<Object[]> runRows = new ArrayList<>();
        List<Object[]> resultRows = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String runId = UUID.randomUUID().toString();
            Instant at = start.plusMillis(r * 10L);
            runRows.add(new Object[] {runId, at.atOffset(ZoneOffset.UTC)});
            for (int a = 0; a < 10; a++) {
                long duration = 20 + random.nextInt(1980);
                resultRows.add(new Object[] {runId, a, agents.get((r * 10 + a) % agents.size()), random.nextInt(10) == 0 ? "FAILED" : "COMPLETED",
                        at.atOffset(ZoneOffset.UTC), at.plusMillis(duration).atOffset(ZoneOffset.UTC), duration});
            }
            if (runRows.size() == 500 || r == runs - 1) {
                jdbc.batchUpdate("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, CREATED_AT) VALUES (?, 'history', 'COMPLETED', ?)", runRows);
                jdbc.batchUpdate("INSERT INTO P21_AGENT_RESULT (RUN_ID, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, STATUS, ATTEMPTS,"
                        + " STARTED_AT, ENDED_AT, DURATION_MS) VALUES (?, 0, ?, 'p', ?, 'simulated', ?, 1, ?, ?, ?)", resultRows);
                rows += resultRows.size();
                runRows.clear();
                resultRows.clear();
            }
        }
        return rows;
    }
}
