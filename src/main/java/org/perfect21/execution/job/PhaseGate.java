package org.perfect21.execution.job;

import java.util.Collection;

import org.perfect21.execution.live.RunSpend;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.GateResult;
import org.perfect21.workflow.PhaseDefinition;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aggregates a phase's partitions and applies its gate: a run that passed one of its workflow's limits fails the
 * phase step, and with it the run; so do fewer successes than {@code minSuccess}, and a {@code gate} whose checks
 * fail (unless it says {@code onFail: continue}). A gate's verdict is recorded with the phase.
 */
final class PhaseGate implements StepExecutionAggregator {

    static final String GATE_ERROR = "gate.error";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PhaseDefinition phase;
    private final RunSpend spend;
    private final String runId;
    private final int phaseIndex;
    private final RunHistory history;
    private final StepExecutionAggregator defaults = new DefaultStepExecutionAggregator();

    PhaseGate(PhaseDefinition phase, RunSpend spend, String runId, int phaseIndex, RunHistory history) {
        this.phase = phase;
        this.spend = spend;
        this.runId = runId;
        this.phaseIndex = phaseIndex;
        this.history = history;
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
            return;
        }
        String shortfall = succeeded + " of " + phase.agents().size() + " agents succeeded, minSuccess " + phase.minSuccess()
                + " requires " + required;
        if (phase.gate().isNone()) {
            if (succeeded < required) {
                fail(result, "phase '" + phase.name() + "': " + shortfall);
            }
            return;
        }
        GateResult.Check minSuccess = new GateResult.Check("minSuccess " + phase.minSuccess(), succeeded >= required, shortfall);
        GateResult verdict = phase.gate().evaluate(minSuccess, history.completedOutputs(runId, phaseIndex));
        history.recordGate(runId, phaseIndex, JSON.writeValueAsString(verdict));
        if (!verdict.passed() && phase.gate().onFail() == GateDefinition.OnFail.STOP) {
            fail(result, "phase '" + phase.name() + "': gate failed: " + verdict.firstFailure());
        }
    }

    private static void fail(StepExecution result, String message) {
        result.getExecutionContext().putString(GATE_ERROR, message);
        result.setStatus(BatchStatus.FAILED);
        result.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
    }
}
