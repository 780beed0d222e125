package org.perfect21.execution.job;

import org.perfect21.context.ContextStore;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.workflow.GateDefinition;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Follows a phase whose gate may send the work back: when its {@link PhaseGate} left feedback, the gate's repeat is
 * counted, the phases it runs again are reopened in the run's context, and the flow goes back to the repeat's first
 * phase ({@link #REPEAT}); otherwise it goes on. The count is saved with the job's context before the flow moves, so a
 * restart resumes in the new iteration.
 */
final class GateDecider implements JobExecutionDecider {

    static final FlowExecutionStatus REPEAT = new FlowExecutionStatus("REPEAT");
    static final FlowExecutionStatus CONTINUE = new FlowExecutionStatus("CONTINUE");

    private final RunPlan plan;
    private final int phaseIndex;
    private final JobRepository jobRepository;
    private final ContextStore contexts;

    GateDecider(RunPlan plan, int phaseIndex, JobRepository jobRepository, ContextStore contexts) {
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.jobRepository = jobRepository;
        this.contexts = contexts;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution job, StepExecution phase) {
        if (phase == null || !phase.getExecutionContext().containsKey(PhaseGate.REPEAT_FEEDBACK)) {
            return CONTINUE;
        }
        GateDefinition.Repeat repeat = plan.workflow().phases().get(phaseIndex).gate().repeat();
        // The context first: were the job's count lost, a restart would look at this phase again and decide the same.
        contexts.saveTotals(plan.runId(), plan.context().reopenFrom(repeat.phaseIndex()));
        GateIterations.recordRepeat(job.getExecutionContext(), plan.workflow(), phaseIndex,
                phase.getExecutionContext().getString(PhaseGate.REPEAT_FEEDBACK));
        jobRepository.updateExecutionContext(job);
        return REPEAT;
    }
}
