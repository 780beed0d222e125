package org.perfect21.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes whole runs: their Spring Batch job instance with every execution, parameter, step execution and
 * context (children before parents, as the foreign keys require), then the platform's agent results (with
 * the stored outputs), phases, auto phases' selections and the runs themselves.
 */
final class PurgeBatch {

    /** The tables a run has rows in, in deletion order. */
    static final List<String> TABLES = List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE",
            "P21_CONTEXT_ENTRY", "P21_RUN_CONTEXT", "P21_AGENT_RESULT", "P21_PHASE_RUN", "P21_PHASE_SELECTION", "P21_RUN");

    // The job parameter each run's job instance is keyed by (WorkflowRunner launches with run.id = RUN_ID).
    private static final String RUN_ID_PARAMETER = "run.id";
    private static final JobKeyGenerator JOB_KEYS = new DefaultJobKeyGenerator();

    private PurgeBatch() {
    }

    /** Deletes (or counts) the rows of {@code runs} in every table; rows per table in {@link #TABLES} order. */
    static Map<String, Long> remove(JdbcTemplate jdbc, Deletion deletion, List<RetentionPolicy.Candidate> runs) {
        List<String> runIds = runs.stream().map(RetentionPolicy.Candidate::runId).toList();
        List<Long> instances = jobInstances(jdbc, runs);
        List<Long> executions = Deletion.selectIn(jdbc, "JOB_EXECUTION_ID", "BATCH_JOB_EXECUTION", "JOB_INSTANCE_ID", instances);
        List<Long> steps = Deletion.selectIn(jdbc, "STEP_EXECUTION_ID", "BATCH_STEP_EXECUTION", "JOB_EXECUTION_ID", executions);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("BATCH_STEP_EXECUTION_CONTEXT", deletion.rowsIn("BATCH_STEP_EXECUTION_CONTEXT", "STEP_EXECUTION_ID", steps));
        rows.put("BATCH_STEP_EXECUTION", deletion.rowsIn("BATCH_STEP_EXECUTION", "STEP_EXECUTION_ID", steps));
        rows.put("BATCH_JOB_EXECUTION_CONTEXT", deletion.rowsIn("BATCH_JOB_EXECUTION_CONTEXT", "JOB_EXECUTION_ID", executions));
        rows.put("BATCH_JOB_EXECUTION_PARAMS", deletion.rowsIn("BATCH_JOB_EXECUTION_PARAMS", "JOB_EXECUTION_ID", executions));
        rows.put("BATCH_JOB_EXECUTION", deletion.rowsIn("BATCH_JOB_EXECUTION", "JOB_EXECUTION_ID", executions));
        rows.put("BATCH_JOB_INSTANCE", deletion.rowsIn("BATCH_JOB_INSTANCE", "JOB_INSTANCE_ID", instances));
        rows.put("P21_CONTEXT_ENTRY", deletion.rowsIn("P21_CONTEXT_ENTRY", "RUN_ID", runIds));
        rows.put("P21_RUN_CONTEXT", deletion.rowsIn("P21_RUN_CONTEXT", "RUN_ID", runIds));
        rows.put("P21_AGENT_RESULT", deletion.rowsIn("P21_AGENT_RESULT", "RUN_ID", runIds));
        rows.put("P21_PHASE_RUN", deletion.rowsIn("P21_PHASE_RUN", "RUN_ID", runIds));
        rows.put("P21_PHASE_SELECTION", deletion.rowsIn("P21_PHASE_SELECTION", "RUN_ID", runIds));
        rows.put("P21_RUN", deletion.rowsIn("P21_RUN", "RUN_ID", runIds));
        return rows;
    }

    /**
     * The runs' job instances. A run records its instance when its first phase starts; one whose process died
     * (or whose launch failed) before that has none recorded, and its instance, if any, is found the way Spring
     * Batch finds it: by job name and the key of its identifying parameters.
     */
    private static List<Long> jobInstances(JdbcTemplate jdbc, List<RetentionPolicy.Candidate> runs) {
        List<Long> instances = new ArrayList<>();
        for (RetentionPolicy.Candidate run : runs) {
            if (run.jobInstanceId() != null) {
                instances.add(run.jobInstanceId());
            } else {
                String key = JOB_KEYS.generateKey(new JobParametersBuilder().addString(RUN_ID_PARAMETER, run.runId())
                        .toJobParameters());
                instances.addAll(jdbc.queryForList("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = ? AND JOB_KEY = ?",
                        Long.class, run.workflow(), key));
            }
        }
        return instances;
    }
}
