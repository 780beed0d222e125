package org.perfect21.execution.job;

import java.time.Instant;
import java.util.List;

import org.perfect21.context.ContextChange;
import org.perfect21.context.ContextStore;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.execution.partition.FanOutInstances;
import org.perfect21.history.PhaseStart;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.FanOut;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a phase's start (phase row, pending agent rows) and its end (status, counts, gate failure), in the
 * iteration it runs in. A phase that passed its gate commits its agents' outputs to the run's context, in the same
 * transaction as its end. On a restart, a phase a gate may repeat is looked at again even when it completed; when its
 * iteration's row says completed it is only checked again, and its row and events stay as they were.
 */
final class PhaseListener implements StepExecutionListener {

    /** The manager step's context key for the iteration the phase runs in. */
    static final String ITERATION = "iteration";
    private static final String RECHECK = "recheck";
    /** Set when a forEach of the phase gave no list of items: why. */
    static final String FAN_OUT_ERROR = "fanOut.error";

    private final RunPlan plan;
    private final int phaseIndex;
    private final RunHistory history;
    private final ContextStore contexts;
    private final TransactionTemplate transaction;
    private final RunEvents events;

    PhaseListener(RunPlan plan, int phaseIndex, RunHistory history, ContextStore contexts, TransactionTemplate transaction,
                  RunEvents events) {
        this.events = events;
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.history = history;
        this.contexts = contexts;
        this.transaction = transaction;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        PhaseDefinition phase = plan.workflow().phases().get(phaseIndex);
        var job = stepExecution.getJobExecution();
        int iteration = GateIterations.iteration(plan.workflow(), phaseIndex, job.getExecutionContext());
        stepExecution.getExecutionContext().putInt(ITERATION, iteration);
        stepExecution.getExecutionContext().remove(FAN_OUT_ERROR);
        if (plan.agents().fansOut(phaseIndex)) {
            expand(stepExecution, iteration);
        }
        List<PreparedAgent> agents = plan.agents().of(phaseIndex);
        // Only this manager step exists yet in the execution: it is the first phase to run in it.
        boolean first = job.getStepExecutions().size() <= 1;
        PhaseStart.JobIds jobIds = first ? new PhaseStart.JobIds(job.getJobInstance().getInstanceId(), job.getId()) : null;
        Instant startedAt = Instant.now();
        if (plan.restart() && GateIterations.repeatable(plan.workflow(), phaseIndex)
                && history.phaseStatus(plan.runId(), phaseIndex, iteration).orElse(null) == PhaseStatus.COMPLETED) {
            stepExecution.getExecutionContext().putString(RECHECK, "true");
            if (jobIds != null) {
                history.markRunning(plan.runId(), jobIds, startedAt);
            }
            return;
        }
        PhaseStart start = new PhaseStart(plan.runId(), phaseIndex, iteration, phase.name(),
                phase.minSuccess().requiredOf(agents.size()), agents.stream().map(PreparedAgent::name).toList(), plan.restart(), jobIds);
        if (first && !plan.restart()) {
            // The run's context row exists from its first phase on, so the run document shows the budget.
            transaction.executeWithoutResult(status -> {
                history.startPhase(start, startedAt);
                contexts.create(plan.runId(), plan.context().totals());
            });
        } else {
            history.startPhase(start, startedAt);
        }
        events.publish(new PhaseStarted(plan.runId(), phaseIndex, iteration, phase.name(), start.agents(), startedAt));
    }

    /**
     * Sets the phase's agents with each forEach expanded; a forEach that gives no list leaves the phase without agents,
     * and its gate fails it with the reason.
     */
    private void expand(StepExecution stepExecution, int iteration) {
        String feedback = GateIterations.feedback(stepExecution.getJobExecution().getExecutionContext(), phaseIndex);
        try {
            plan.agents().expand(phaseIndex, FanOutInstances.expand(plan, phaseIndex, iteration, feedback));
        } catch (FanOut.FanOutException e) {
            plan.agents().expand(phaseIndex, List.of());
            stepExecution.getExecutionContext().putString(FAN_OUT_ERROR, e.getMessage());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        var context = stepExecution.getExecutionContext();
        PhaseStatus status = JobStatuses.ofPhase(stepExecution.getStatus());
        PhaseDefinition phase = plan.workflow().phases().get(phaseIndex);
        Instant endedAt = Instant.now();
        int succeeded = context.getInt(PhaseTasklet.SUCCEEDED, 0);
        int failed = context.getInt(PhaseTasklet.FAILED, 0);
        int iteration = context.getInt(ITERATION);
        boolean recheck = context.containsKey(RECHECK);
        context.remove(RECHECK);
        boolean commit = stepExecution.getStatus() == BatchStatus.COMPLETED && !plan.context().committed(phaseIndex);
        if (recheck && status == PhaseStatus.COMPLETED) {
            if (commit) {
                contexts.save(plan.runId(), plan.context().commitPhase(phaseIndex, iteration));
            }
            return null;
        }
        if (commit) {
            ContextChange change = plan.context().commitPhase(phaseIndex, iteration);
            transaction.executeWithoutResult(tx -> {
                history.endPhase(plan.runId(), phaseIndex, iteration, status, succeeded, failed, endedAt);
                contexts.save(plan.runId(), change);
            });
        } else {
            history.endPhase(plan.runId(), phaseIndex, iteration, status, succeeded, failed, endedAt);
        }
        if (context.containsKey(PhaseGate.GATE_ERROR)) {
            history.recordRunError(plan.runId(), context.getString(PhaseGate.GATE_ERROR));
        }
        events.publish(new PhaseFinished(plan.runId(), phaseIndex, iteration, phase.name(), status, succeeded, failed, endedAt));
        return null;
    }
}
