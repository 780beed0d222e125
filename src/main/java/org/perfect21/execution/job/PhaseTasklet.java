package org.perfect21.execution.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfect21.context.ContextInput;
import org.perfect21.execution.live.LiveRun;
import org.perfect21.execution.live.LiveRuns;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.execution.partition.PhasePartitions;
import org.perfect21.history.AgentResult;
import org.perfect21.history.RunHistory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The worker step of a phase: runs its partition's agents and counts successes for the gate. It runs
 * under a resourceless transaction, so no database connection is held while agents work; it commits
 * results in batches as they finish. Agents already completed in an earlier
 * execution of the same run are not run again.
 */
final class PhaseTasklet implements Tasklet {

    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    private final RunPlan plan;
    private final int phaseIndex;
    private final RunHistory history;
    private final PhasePartitions partitions;
    private final LiveRuns liveRuns;

    PhaseTasklet(RunPlan plan, int phaseIndex, RunHistory history, PhasePartitions partitions, LiveRuns liveRuns) {
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.history = history;
        this.partitions = partitions;
        this.liveRuns = liveRuns;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        LiveRun live = liveRuns.get(plan.runId())
                .orElseThrow(() -> new IllegalStateException("run " + plan.runId() + " is not registered as executing"));
        interruptIfStopped(live);
        int count = plan.agents().of(phaseIndex).size();
        int split = plan.agents().partitions(phaseIndex);
        List<Integer> agents = PhasePartitioner.agentsOf(step.getStepName(), split, count);
        int parallelism = PhasePartitioner.parallelismOf(step.getStepName(), split,
                plan.workflow().phases().get(phaseIndex).parallelismFor(count));
        // Written by the decider between phases only, so partitions read the same values.
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        int iteration = GateIterations.iteration(plan.workflow(), phaseIndex, job);
        Map<Integer, AgentResult> prior = plan.restart() ? history.agentStates(plan.runId(), phaseIndex, iteration) : Map.of();
        List<Integer> todo = agents.stream().filter(i -> !isCompleted(prior.get(i))).toList();
        int alreadySucceeded = agents.size() - todo.size();
        List<AgentResult> finished = partitions.run(new PhasePartitions.Work(plan, phaseIndex, iteration, todo, prior, live,
                GateIterations.feedback(job, phaseIndex)), parallelism);
        offerToContext(agents, iteration, finished, prior);
        long succeeded = finished.stream().filter(AgentResult::succeeded).count();
        context.putInt(SUCCEEDED, alreadySucceeded + (int) succeeded);
        context.putInt(FAILED, finished.size() - (int) succeeded);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(finished.size());
        interruptIfStopped(live);
        return RepeatStatus.FINISHED;
    }

    /**
     * Hands this partition's completed outputs to the run's context; on a restart also those of agents an
     * earlier execution completed (read back once, only then).
     */
    private void offerToContext(List<Integer> agents, int iteration, List<AgentResult> finished, Map<Integer, AgentResult> prior) {
        if (plan.context().committed(phaseIndex)) {
            return;
        }
        List<ContextInput> outputs = new ArrayList<>();
        for (AgentResult r : finished) {
            if (r.succeeded()) {
                outputs.add(new ContextInput(r.agentIndex(), r.phase(), r.agent(), r.kind(), r.output(), r.tokens()));
            }
        }
        Set<Integer> completedBefore = new HashSet<>();
        for (int agent : agents) {
            if (isCompleted(prior.get(agent))) {
                completedBefore.add(agent);
            }
        }
        if (!completedBefore.isEmpty()) {
            for (AgentResult r : history.completedResults(plan.runId(), phaseIndex, iteration)) {
                if (completedBefore.contains(r.agentIndex())) {
                    outputs.add(new ContextInput(r.agentIndex(), r.phase(), r.agent(), r.kind(), r.output(), r.tokens()));
                }
            }
        }
        plan.context().collect(phaseIndex, outputs);
    }

    /** A stopped run's step ends STOPPED (Spring Batch's interruption), so its job ends STOPPED and can restart. */
    private static void interruptIfStopped(LiveRun live) throws JobInterruptedException {
        if (live.stopRequested()) {
            throw new JobInterruptedException("stopped: " + live.stopReason());
        }
    }

    private static boolean isCompleted(AgentResult state) {
        return state != null && state.succeeded();
    }
}
