package org.perfect21.execution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfect21.history.RunHistory;
import org.perfect21.workflow.DefinitionCatalog;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.InvalidDefinitionsException;
import org.perfect21.workflow.ParameterResolver;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a restart takes up from a stored run: its workflow as defined now, its parameters, and its last job
 * execution, which a dead process may have left running and which is then marked failed so Spring Batch lets it
 * restart.
 */
@Component
class StoredRuns {

    private final DefinitionCatalog catalog;
    private final DefinitionLoader definitions;
    private final JsonMapper json;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    StoredRuns(DefinitionCatalog catalog, DefinitionLoader definitions, JsonMapper json, JobRepository jobRepository,
               JobOperator jobOperator) {
        this.catalog = catalog;
        this.definitions = definitions;
        this.json = json;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    /** The job parameters of a run's job instance. */
    static JobParameters parametersOf(String runId) {
        return new JobParametersBuilder().addString(WorkflowRunner.RUN_ID, runId).toJobParameters();
    }

    /** The run's parameters as stored, typed by the workflow again. */
    Map<String, Object> paramsOf(RunHistory.StoredRun stored, WorkflowDefinition workflow) {
        Map<String, Object> raw = json.readValue(stored.paramsJson() == null ? "{}" : stored.paramsJson(),
                new TypeReference<Map<String, Object>>() { });
        return ParameterResolver.resolve(workflow, raw);
    }

    /**
     * The workflow as defined now in the file the run came from (or, failing that, in the jobs directory).
     *
     * @throws RunNotRestartableException when it is no longer defined
     */
    WorkflowDefinition definitionOf(RunHistory.StoredRun stored) {
        // The catalog holds the jobs directory already parsed; a file elsewhere (a CLI run of a path) is read again.
        Optional<WorkflowDefinition> cataloged;
        try {
            cataloged = catalog.workflow(stored.workflow());
        } catch (InvalidDefinitionsException e) {
            // Another file of the jobs directory is broken; the run's own file may still load.
            cataloged = Optional.empty();
        }
        if (stored.source() != null && Files.isRegularFile(Path.of(stored.source()))
                && cataloged.filter(w -> sameFile(w.source(), stored.source())).isEmpty()) {
            Definitions loaded = definitions.loadFiles(List.of(), List.of(Path.of(stored.source())));
            if (loaded.workflow(stored.workflow()).isPresent()) {
                return loaded.workflow(stored.workflow()).get();
            }
        }
        return catalog.workflow(stored.workflow()).orElseThrow(() -> new RunNotRestartableException("run " + stored.runId()
                + " is of workflow '" + stored.workflow() + "', which is no longer defined"));
    }

    /** A run left STARTED by a process that died is marked failed, so Spring Batch lets it restart. */
    void recoverIfAbandoned(RunHistory.StoredRun stored) {
        if (stored.jobExecutionId() == null) {
            return;
        }
        JobExecution execution = jobRepository.getJobExecution(stored.jobExecutionId());
        if (execution != null && execution.isRunning()) {
            jobOperator.recover(execution);
        }
    }

    /**
     * Whether a job ran for a run whose row records none: a process may have died after the job started but before
     * the run recorded the job's ids. The job, if left running, is marked failed.
     */
    boolean recoverUnrecorded(String runId, String workflow) {
        JobExecution last = jobRepository.getLastJobExecution(workflow, parametersOf(runId));
        if (last == null) {
            return false;
        }
        if (last.isRunning()) {
            jobOperator.recover(last);
        }
        return true;
    }

    private static boolean sameFile(Path source, String stored) {
        return source != null && source.toAbsolutePath().normalize().equals(Path.of(stored).toAbsolutePath().normalize());
    }
}
