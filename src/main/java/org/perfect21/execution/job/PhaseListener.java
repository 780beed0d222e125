package org.perfect21.execution.job;

import java.time.Instant;

import org.perfect21.context.ContextChange;
import org.perfect21.context.ContextStore;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.history.PhaseStart;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.PhaseDefinition;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a phase's start (phase row, pending agent rows) and its end (status, counts, gate failure).
 * A phase that passed its gate commits its agents' outputs to the run's context, in the same
 * transaction as its end.
 */
final class PhaseListener implements StepExecutionListener {

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
        // Only this manager step exists yet in the execution: it is the first phase to run in it.
        boolean first = job.getStepExecutions().size() <= 1;
        PhaseStart start = new PhaseStart(plan.runId(), phaseIndex, phase.name(), phase.requiredSuccesses(),
                phase.agents().stream().map(a -> a.name()).toList(),
                plan.restart(), first ? new PhaseStart.JobIds(job.getJobInstance().getInstanceId(), job.getId()) : null);
        Instant startedAt = Instant.now();
        if (first && !plan.restart()) {
            // The run's context row exists from its first phase on, so the run document shows the budget.
            transaction.executeWithoutResult(status -> {
                history.startPhase(start, startedAt);
                contexts.create(plan.runId(), plan.context().totals());
            });
        } else {
            history.startPhase(start, startedAt);
        }
        events.publish(new PhaseStarted(plan.runId(), phaseIndex, phase.name(), start.agents(), startedAt));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        var context = stepExecution.getExecutionContext();
        PhaseStatus status = JobStatuses.ofPhase(stepExecution.getStatus());
        PhaseDefinition phase = plan.workflow().phases().get(phaseIndex);
        Instant endedAt = Instant.now();
        int succeeded = context.getInt(PhaseTasklet.SUCCEEDED, 0);
        int failed = context.getInt(PhaseTasklet.FAILED, 0);
        if (stepExecution.getStatus() == BatchStatus.COMPLETED && !plan.context().committed(phaseIndex)) {
            ContextChange change = plan.context().commitPhase(phaseIndex);
            transaction.executeWithoutResult(tx -> {
                history.endPhase(plan.runId(), phaseIndex, status, succeeded, failed, endedAt);
                contexts.save(plan.runId(), change);
            });
        } else {
            history.endPhase(plan.runId(), phaseIndex, status, succeeded, failed, endedAt);
        }
        if (context.containsKey(PhaseGate.GATE_ERROR)) {
            history.recordRunError(plan.runId(), context.getString(PhaseGate.GATE_ERROR));
        }
        events.publish(new PhaseFinished(plan.runId(), phaseIndex, phase.name(), status, succeeded, failed, endedAt));
        return null;
    }
}
