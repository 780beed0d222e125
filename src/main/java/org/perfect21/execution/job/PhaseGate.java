package org.perfect21.execution.job;

import java.util.Collection;

import org.perfect21.execution.live.RunSpend;
import org.perfect21.workflow.PhaseDefinition;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Aggregates a phase's partitions and applies its gate: fewer successes than {@code minSuccess}, or a run that
 * passed one of its workflow's limits, fails the phase step, and with it the run.
 */
final class PhaseGate implements StepExecutionAggregator {

    static final String GATE_ERROR = "gate.error";

    private final PhaseDefinition phase;
    private final RunSpend spend;
    private final StepExecutionAggregator defaults = new DefaultStepExecutionAggregator();

    PhaseGate(PhaseDefinition phase, RunSpend spend) {
        this.phase = phase;
        this.spend = spend;
    }

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> executions) {
        defaults.aggregate(result, executions);
        int succeeded = 0;
        int failed = 0;
        for (StepExecution worker : executions) {
            succeeded += worker.getExecutionContext().getInt(PhaseTasklet.SUCCEEDED, 0);
            failed += worker.getExecutionContext().getInt(PhaseTasklet.FAILED, 0);
        }
        result.getExecutionContext().putInt(PhaseTasklet.SUCCEEDED, succeeded);
        result.getExecutionContext().putInt(PhaseTasklet.FAILED, failed);
        int required = phase.requiredSuccesses();
        if (result.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        String limit = spend.passedLimit();
        if (limit != null) {
            fail(result, "phase '" + phase.name() + "': " + limit);
        } else if (succeeded < required) {
            fail(result, "phase '" + phase.name() + "': " + succeeded + " of " + phase.agents().size()
                    + " agents succeeded, minSuccess " + phase.minSuccess() + " requires " + required);
        }
    }

    private static void fail(StepExecution result, String message) {
        result.getExecutionContext().putString(GATE_ERROR, message);
        result.setStatus(BatchStatus.FAILED);
        result.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
    }
}
