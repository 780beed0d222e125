package org.perfect21.execution;

import java.time.Instant;
import java.util.Map;

import org.perfect21.context.ContextBudget;
import org.perfect21.context.ContextProperties;
import org.perfect21.context.ContextStore;
import org.perfect21.context.RunContext;
import org.perfect21.execution.job.JobStatuses;
import org.perfect21.execution.job.WorkflowJobFactory;
import org.perfect21.execution.live.LiveRun;
import org.perfect21.execution.live.LiveRuns;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.execution.live.RunSpend;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunHistory;
import org.perfect21.history.RunIds;
import org.perfect21.history.RunStatus;
import org.perfect21.selection.AutoPhaseResolver;
import org.perfect21.selection.RecordedSelectionException;
import org.perfect21.usage.Usage;
import org.perfect21.workflow.ParameterResolver;
import org.perfect21.workflow.WorkflowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs workflows: validates parameters before anything is written, records the run, launches its
 * job with a unique {@code run.id} parameter, and restarts failed runs.
 */
@Component
public class WorkflowRunner {

    /** The job parameter that makes each run its own job instance. */
    static final String RUN_ID = "run.id";

    private static final Logger log = LoggerFactory.getLogger(WorkflowRunner.class);

    private final WorkflowJobFactory jobs;
    private final JobOperator jobOperator;
    private final RunHistory history;
    private final JsonMapper json;
    private final LiveRuns liveRuns;
    private final StoredRuns storedRuns;
    private final ContextProperties contextDefaults;
    private final ContextStore contexts;
    private final RunEvents events;
    private final AutoPhaseResolver autoPhases;

    WorkflowRunner(WorkflowJobFactory jobs, JobOperator jobOperator, RunHistory history, JsonMapper json, LiveRuns liveRuns,
                   StoredRuns storedRuns, ContextProperties contextDefaults, ContextStore contexts, RunEvents events,
                   AutoPhaseResolver autoPhases) {
        this.jobs = jobs;
        this.jobOperator = jobOperator;
        this.history = history;
        this.json = json;
        this.liveRuns = liveRuns;
        this.storedRuns = storedRuns;
        this.contextDefaults = contextDefaults;
        this.contexts = contexts;
        this.events = events;
        this.autoPhases = autoPhases;
    }

    /**
     * Runs a workflow to its end on the calling thread.
     *
     * @throws org.perfect21.workflow.InvalidParametersException before anything is written, when parameters do not fit
     */
    public RunDocument run(WorkflowDefinition workflow, Map<String, ?> params) {
        return document(execute(workflow, params).runId());
    }

    /**
     * Runs a workflow to its end on the calling thread and says how it ended, without reading the
     * run back (for callers that need only the outcome).
     */
    public RunOutcome execute(WorkflowDefinition workflow, Map<String, ?> params) {
        Map<String, Object> typed = ParameterResolver.resolve(workflow, params);
        String runId = RunIds.next();
        history.createRun(runId, workflow.name(), workflow.source() == null ? null : workflow.source().toAbsolutePath().toString(),
                json.writeValueAsString(typed), Instant.now());
        return new RunOutcome(runId, execute(plan(runId, workflow, typed, false)));
    }

    /**
     * Restarts a failed (or crashed) run: completed phases and agents are kept, the others run again.
     *
     * @throws NoSuchRunException        when no run has this id
     * @throws RunNotRestartableException when the run completed or is running in this process
     */
    public RunDocument restart(String runId) {
        RunHistory.StoredRun stored = history.storedRun(runId).orElseThrow(() -> new NoSuchRunException(runId));
        if (stored.status() == RunStatus.COMPLETED) {
            throw new RunNotRestartableException("run " + runId + " completed; there is nothing to restart");
        }
        if (liveRuns.isExecuting(runId)) {
            throw new RunNotRestartableException("run " + runId + " is still running");
        }
        WorkflowDefinition workflow = storedRuns.definitionOf(stored);
        storedRuns.recoverIfAbandoned(stored);
        execute(plan(runId, workflow, storedRuns.paramsOf(stored, workflow), true));
        return document(runId);
    }

    /**
     * Runs a run the launch queue has claimed, to its end on the calling thread: its first execution,
     * or a restart when a job ran for it before. {@code workflow} and {@code params} are passed when
     * the launch happened in this process; otherwise they are rebuilt from the stored run.
     */
    public RunOutcome runClaimed(String runId, WorkflowDefinition workflow, Map<String, Object> params, boolean resumed) {
        if (workflow != null && params != null && !resumed) {
            // Launched by this process a moment ago: nothing ran for it yet, nothing to read back.
            return new RunOutcome(runId, execute(plan(runId, workflow, params, false)));
        }
        RunHistory.StoredRun stored = history.storedRun(runId).orElseThrow(() -> new NoSuchRunException(runId));
        WorkflowDefinition definition = workflow != null ? workflow : storedRuns.definitionOf(stored);
        Map<String, Object> typed = params != null ? params : storedRuns.paramsOf(stored, definition);
        boolean restart = stored.jobExecutionId() != null;
        if (restart) {
            storedRuns.recoverIfAbandoned(stored);
        } else if (resumed) {
            restart = storedRuns.recoverUnrecorded(runId, definition.name());
        }
        return new RunOutcome(runId, execute(plan(runId, definition, typed, restart)));
    }

    /**
     * A run's plan: its auto phases' agents chosen (or, on a restart, taken up as recorded); a restart takes up the
     * context its earlier executions built, with the budget it started with.
     */
    private RunPlan plan(String runId, WorkflowDefinition defined, Map<String, Object> params, boolean restart) {
        WorkflowDefinition workflow;
        try {
            workflow = autoPhases.resolve(runId, defined, params);
        } catch (RecordedSelectionException e) {
            throw new RunNotRestartableException(e.getMessage());
        }
        ContextBudget budget = contextDefaults.budget(workflow.context().maxBytes(), workflow.context().maxTokens());
        RunContext context = restart ? contexts.load(runId, budget).orElseGet(() -> new RunContext(budget)) : new RunContext(budget);
        Usage before = restart && workflow.limits().any() ? history.find(runId).map(RunDocument::usage).orElse(null) : null;
        return new RunPlan(runId, workflow, params, restart, context, new RunSpend(workflow.limits(), before));
    }

    /** Asks a run executing in this process to stop; false when it is not executing here. */
    public boolean stop(String runId, String reason) {
        return liveRuns.get(runId).map(live -> {
            live.stop(reason);
            return true;
        }).orElse(false);
    }

    /** Whether the run's job executes in this process now. */
    public boolean isExecuting(String runId) {
        return liveRuns.isExecuting(runId);
    }

    /**
     * Something to do when the application closes, before the runs still executing are stopped (the launch
     * queue closes and takes its runs back). Registering rather than being a lifecycle bean keeps the caller,
     * and with it the database, from being created by commands that never launch.
     */
    public void beforeShutdown(Runnable action) {
        liveRuns.beforeStop(action);
    }

    /** The run as stored, with the agents running in this process right now shown as RUNNING. */
    public RunDocument document(String runId) {
        return liveRuns.overlay(history.find(runId).orElseThrow(() -> new NoSuchRunException(runId)));
    }

    /** Runs the plan's job to its end; returns the final status. */
    private RunStatus execute(RunPlan plan) {
        LiveRun live = liveRuns.open(plan.runId())
                .orElseThrow(() -> new RunNotRestartableException("run " + plan.runId() + " is already running"));
        try {
            events.publish(new RunStarted(plan.runId(), plan.workflow().name(), plan.restart(), Instant.now()));
            return JobStatuses.ofRun(jobOperator.start(jobs.build(plan), StoredRuns.parametersOf(plan.runId())).getStatus());
        } catch (Exception e) {
            // The job never ran (its listener did not record an end): say why here, and in the log with the trace.
            log.error("Run {} of workflow {} could not be launched", plan.runId(), plan.workflow().name(), e);
            Instant endedAt = Instant.now();
            String error = "launch failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            history.markEnded(plan.runId(), null, null, RunStatus.FAILED, endedAt, error);
            events.publish(new RunFinished(plan.runId(), plan.workflow().name(), RunStatus.FAILED, endedAt, null, error));
            return RunStatus.FAILED;
        } finally {
            liveRuns.close(live);
        }
    }
}
