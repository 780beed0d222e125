package org.perfect21.execution;

import java.time.Instant;

import org.perfect21.history.PhaseStart;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.PhaseDefinition;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Records a phase's start (phase row, pending agent rows) and its end (status, counts, gate failure). */
final class PhaseListener implements StepExecutionListener {

    private final RunPlan plan;
    private final int phaseIndex;
    private final RunHistory history;

    PhaseListener(RunPlan plan, int phaseIndex, RunHistory history) {
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.history = history;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        PhaseDefinition phase = plan.workflow().phases().get(phaseIndex);
        var job = stepExecution.getJobExecution();
        // Only this manager step exists yet in the execution: it is the first phase to run in it.
        boolean first = job.getStepExecutions().size() <= 1;
        history.startPhase(new PhaseStart(plan.runId(), phaseIndex, phase.name(), phase.requiredSuccesses(),
                phase.agents().stream().map(a -> a.name()).toList(),
                plan.restart(), first ? new PhaseStart.JobIds(job.getJobInstance().getInstanceId(), job.getId()) : null),
                Instant.now());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        var context = stepExecution.getExecutionContext();
        history.endPhase(plan.runId(), phaseIndex, stepExecution.getStatus().name(),
                context.getInt(PhaseTasklet.SUCCEEDED, 0), context.getInt(PhaseTasklet.FAILED, 0), Instant.now());
        if (context.containsKey(PhaseGate.GATE_ERROR)) {
            history.recordRunError(plan.runId(), context.getString(PhaseGate.GATE_ERROR));
        }
        return null;
    }
}
