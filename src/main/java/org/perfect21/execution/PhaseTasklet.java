package org.perfect21.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.perfect21.history.AgentResult;
import org.perfect21.history.RunHistory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
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
    private final AgentDispatcher dispatcher;
    private final Executor executor;
    private final ExecutionProperties properties;

    PhaseTasklet(RunPlan plan, int phaseIndex, RunHistory history, AgentDispatcher dispatcher, Executor executor,
                 ExecutionProperties properties) {
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.history = history;
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        List<Integer> agents = PhasePartitioner.agentsOf(context);
        Map<Integer, AgentResult> prior = plan.restart() ? history.agentStates(plan.runId(), phaseIndex) : Map.of();
        List<Integer> todo = agents.stream().filter(i -> !isCompleted(prior.get(i))).toList();
        int alreadySucceeded = agents.size() - todo.size();
        List<AgentResult> finished = new PartitionExecution(plan, phaseIndex, todo, prior, dispatcher, executor, properties)
                .run(context.getInt(PhasePartitioner.PARALLELISM), history);
        long succeeded = finished.stream().filter(AgentResult::succeeded).count();
        context.putInt(SUCCEEDED, alreadySucceeded + (int) succeeded);
        context.putInt(FAILED, finished.size() - (int) succeeded);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(finished.size());
        return RepeatStatus.FINISHED;
    }

    private static boolean isCompleted(AgentResult state) {
        return state != null && state.succeeded();
    }
}
