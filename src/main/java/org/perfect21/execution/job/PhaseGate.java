package org.perfect21.execution.job;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.live.PhaseAgents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.execution.live.RunSpend;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.GateResult;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aggregates a phase's partitions and applies its gate: a run that passed one of its workflow's limits fails the
 * phase step, and with it the run; so do fewer successes than {@code minSuccess}, and a {@code gate} whose checks
 * fail (unless it says {@code onFail: continue}, or {@code repeat} with repeats left: then the phase completes with
 * the feedback for its {@link GateDecider}). A gate's verdict is recorded with the phase, in its iteration.
 */
final class PhaseGate implements StepExecutionAggregator {

    static final String GATE_ERROR = "gate.error";
    /** Set when the failed gate sends the work back: the feedback the phases that run again read. */
    static final String REPEAT_FEEDBACK = "gate.repeat.feedback";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PhaseDefinition phase;
    private final RunSpend spend;
    private final PhaseAgents agents;
    private final String runId;
    private final int phaseIndex;
    private final RunHistory history;
    private final StepExecutionAggregator defaults = new DefaultStepExecutionAggregator();

    PhaseGate(PhaseDefinition phase, RunPlan plan, int phaseIndex, RunHistory history) {
        this.phase = phase;
        this.spend = plan.spend();
        this.agents = plan.agents();
        this.runId = plan.runId();
        this.phaseIndex = phaseIndex;
        this.history = history;
    }

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> executions) {
        defaults.aggregate(result, executions);
        result.getExecutionContext().remove(REPEAT_FEEDBACK);
        int iteration = result.getExecutionContext().getInt(PhaseListener.ITERATION, 1);
        int succeeded = 0;
        int failed = 0;
        for (StepExecution worker : executions) {
            succeeded += worker.getExecutionContext().getInt(PhaseTasklet.SUCCEEDED, 0);
            failed += worker.getExecutionContext().getInt(PhaseTasklet.FAILED, 0);
        }
        result.getExecutionContext().putInt(PhaseTasklet.SUCCEEDED, succeeded);
        result.getExecutionContext().putInt(PhaseTasklet.FAILED, failed);
        List<PreparedAgent> ran = agents.of(phaseIndex);
        int required = phase.minSuccess().requiredOf(ran.size());
        if (result.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        String fanOutError = result.getExecutionContext().getString(PhaseListener.FAN_OUT_ERROR, null);
        if (fanOutError != null) {
            fail(result, "phase '" + phase.name() + "': " + fanOutError);
            return;
        }
        String limit = spend.passedLimit();
        if (limit != null) {
            fail(result, "phase '" + phase.name() + "': " + limit);
            return;
        }
        String shortfall = succeeded + " of " + ran.size() + " agents succeeded, minSuccess " + phase.minSuccess()
                + " requires " + required;
        if (phase.gate().isNone()) {
            if (succeeded < required) {
                fail(result, "phase '" + phase.name() + "': " + shortfall);
            }
            return;
        }
        GateResult.Check minSuccess = new GateResult.Check("minSuccess " + phase.minSuccess(), succeeded >= required, shortfall);
        Map<String, String> outputs = history.completedOutputs(runId, phaseIndex, iteration);
        GateResult verdict = phase.gate().evaluate(minSuccess, outputs, instancesByAgent(ran));
        history.recordGate(runId, phaseIndex, iteration, JSON.writeValueAsString(verdict), verdict.passed(), verdict.firstFailure());
        if (verdict.passed()) {
            return;
        }
        switch (phase.gate().onFail()) {
            case STOP -> fail(result, "phase '" + phase.name() + "': gate failed: " + verdict.firstFailure());
            case CONTINUE -> {
            }
            case REPEAT -> {
                GateDefinition.Repeat repeat = phase.gate().repeat();
                int used = GateIterations.repeatsUsed(result.getJobExecution().getExecutionContext(), phaseIndex);
                if (used < repeat.times()) {
                    result.getExecutionContext().putString(REPEAT_FEEDBACK,
                            GateFeedback.of(phase.name(), iteration, phase.gate(), verdict, outputs));
                } else {
                    fail(result, "phase '" + phase.name() + "': gate failed after " + used + (used == 1 ? " repeat" : " repeats")
                            + " from phase '" + repeat.phase() + "' (times: " + repeat.times() + "): " + verdict.firstFailure());
                }
            }
        }
    }

    /** The names each written agent ran under: its own, or its forEach's instances ({@code <agent>[<index>]}). */
    private Map<String, List<String>> instancesByAgent(List<PreparedAgent> ran) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (PreparedAgent written : phase.agents()) {
            if (written.fanOut() == null) {
                names.put(written.name(), List.of(written.name()));
            } else {
                String prefix = written.name() + "[";
                names.put(written.name(), ran.stream().map(PreparedAgent::name).filter(n -> n.startsWith(prefix)).toList());
            }
        }
        return names;
    }

    private static void fail(StepExecution result, String message) {
        result.getExecutionContext().putString(GATE_ERROR, message);
        result.setStatus(BatchStatus.FAILED);
        result.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
    }
}
