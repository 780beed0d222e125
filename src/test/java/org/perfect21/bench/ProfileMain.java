package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunDocument;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a Perfect21 run's time goes: {@code ProfileMain <scratch-dir> <agents> <noop|timed> <runs>} prints,
 * per milestone, the median offset from the client's call (run row, job execution, phase step, worker
 * step, agents, back to the client). A diagnostic for {@code ops/BENCHMARKS.md}, not part of it.
 */
public final class ProfileMain {

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        Workload workload = "noop".equals(args[2]) ? Workload.noOp(Integer.parseInt(args[1])) : Workload.timed(Integer.parseInt(args[1]));
        int runs = Integer.parseInt(args[3]);
        long pauseMs = args.length > 4 ? Long.parseLong(args[4]) : 0;
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.writeString(jobs.resolve("workflows").resolve(workload.name() + ".yml"), workload.yaml());
        try (ConfigurableApplicationContext context = BenchmarkMain.engine(scratch, jobs)) {
            Definitions definitions = context.getBean(DefinitionLoader.class).load(jobs);
            WorkflowRunner runner = context.getBean(WorkflowRunner.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            var workflow = definitions.workflow(workload.name()).orElseThrow();
            Map<String, List<Double>> offsets = new LinkedHashMap<>();
            for (int i = 0; i < runs + 20; i++) {
                if (pauseMs > 0) {
                    Thread.sleep(pauseMs);
                }
                Instant before = Instant.now();
                RunDocument doc = runner.run(workflow, Map.of());
                Instant after = Instant.now();
                if (i < 20) {
                    continue;
                }
                Map<String, Instant> marks = marks(jdbc, doc.runId());
                marks.put("z client returned", after);
                marks.forEach((k, v) -> offsets.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(Duration.between(before, v).toNanos() / 1e6));
            }
            offsets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf("%-40s %8.2f ms%n",
                    e.getKey(), Stats.median(e.getValue(), Double::doubleValue)));
        }
        System.exit(0);
    }

    private static Map<String, Instant> marks(JdbcTemplate jdbc, String runId) {
        Map<String, Instant> marks = new LinkedHashMap<>();
        Long jobExecution = jdbc.queryForObject("SELECT JOB_EXECUTION_ID FROM P21_RUN WHERE RUN_ID = ?", Long.class, runId);
        jdbc.query("SELECT CREATED_AT, STARTED_AT, ENDED_AT FROM P21_RUN WHERE RUN_ID = ?", rs -> {
            marks.put("a run row created", rs.getObject(1, OffsetDateTime.class).toInstant());
            marks.put("d run row marked running", rs.getObject(2, OffsetDateTime.class).toInstant());
            marks.put("y run row ended", rs.getObject(3, OffsetDateTime.class).toInstant());
        }, runId);
        jdbc.query("SELECT CREATE_TIME, START_TIME, END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", rs -> {
            marks.put("b job execution created", local(rs.getObject(1, LocalDateTime.class)));
            marks.put("c job execution started", local(rs.getObject(2, LocalDateTime.class)));
            marks.put("x job execution ended", local(rs.getObject(3, LocalDateTime.class)));
        }, jobExecution);
        jdbc.query("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", rs -> {
            String step = rs.getString(1).contains("partition") ? "worker" : "manager";
            marks.put((step.equals("worker") ? "f" : "e") + " " + step + " step started", local(rs.getObject(2, LocalDateTime.class)));
            marks.put((step.equals("worker") ? "v" : "w") + " " + step + " step ended", local(rs.getObject(3, LocalDateTime.class)));
        }, jobExecution);
        jdbc.query("SELECT MIN(STARTED_AT), MAX(STARTED_AT), MAX(ENDED_AT) FROM P21_AGENT_RESULT WHERE RUN_ID = ?", rs -> {
            marks.put("g first agent started", rs.getObject(1, OffsetDateTime.class).toInstant());
            marks.put("h last agent started", rs.getObject(2, OffsetDateTime.class).toInstant());
            marks.put("u last agent ended", rs.getObject(3, OffsetDateTime.class).toInstant());
        }, runId);
        return marks;
    }

    private static Instant local(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
