package org.perfect21.execution.job;

import java.util.ArrayList;
import java.util.List;

import org.perfect21.context.ContextStore;
import org.perfect21.execution.ExecutionProperties;
import org.perfect21.execution.live.LiveRuns;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.execution.partition.PhasePartitions;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.PhaseDefinition;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.FlowJobBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the Spring Batch job of a run: the job is named after the workflow, each phase is a
 * partitioned manager step {@code phase:<name>} whose worker step {@code phase:<name>:worker} runs the
 * partition's agents. Step names come from the definition, never from bean names.
 */
@Component
public class WorkflowJobFactory {

    private final JobRepository jobRepository;
    private final RunHistory history;
    private final PhasePartitions partitions;
    private final ExecutionProperties properties;
    private final LiveRuns liveRuns;
    private final ContextStore contexts;
    private final TransactionTemplate transaction;
    private final RunEvents events;
    // Worker steps wait for their agents; they must never occupy the agent executor's threads.
    private final TaskExecutor partitionExecutor;
    private final ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();

    WorkflowJobFactory(JobRepository jobRepository, RunHistory history, PhasePartitions partitions,
                       ExecutionProperties properties, LiveRuns liveRuns, ContextStore contexts, TransactionTemplate transaction,
                       RunEvents events) {
        this.jobRepository = jobRepository;
        this.history = history;
        this.partitions = partitions;
        this.properties = properties;
        this.liveRuns = liveRuns;
        this.contexts = contexts;
        this.transaction = transaction;
        this.events = events;
        if (properties.gridSize() == 1) {
            this.partitionExecutor = new SyncTaskExecutor();
        } else {
            SimpleAsyncTaskExecutor async = new SimpleAsyncTaskExecutor("perfect21-partition-");
            async.setConcurrencyLimit(properties.gridSize() * 64);
            this.partitionExecutor = async;
        }
    }

    /**
     * The run's job: a flow of its phases, each on to the next when it completed; after a phase whose gate may
     * repeat, a {@link GateDecider} goes back to the repeat's first phase or on.
     */
    public Job build(RunPlan plan) {
        List<PhaseDefinition> phases = plan.workflow().phases();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            steps.add(phaseStep(plan, i));
        }
        FlowBuilder<FlowJobBuilder> flow = new JobBuilder(plan.workflow().name(), jobRepository)
                .listener(new RunListener(plan.runId(), plan.workflow().name(), history, events))
                .flow(steps.get(0));
        for (int i = 0; i < phases.size(); i++) {
            boolean last = i == phases.size() - 1;
            GateDefinition.Repeat repeat = phases.get(i).gate().repeat();
            if (repeat != null) {
                GateDecider decider = new GateDecider(plan, i, jobRepository, contexts);
                flow = flow.next(decider).on(GateDecider.REPEAT.getName()).to(steps.get(repeat.phaseIndex()));
                flow = last ? flow.from(decider).on("*").end() : flow.from(decider).on("*").to(steps.get(i + 1));
            } else if (!last) {
                flow = flow.next(steps.get(i + 1));
            }
        }
        return flow.end().build();
    }

    private Step phaseStep(RunPlan plan, int index) {
        PhaseDefinition phase = plan.workflow().phases().get(index);
        String name = "phase:" + phase.name();
        // A phase a gate may repeat runs again on a restart even when complete: its iteration may be a newer one.
        boolean repeatable = GateIterations.repeatable(plan.workflow(), index);
        Step worker = new StepBuilder(name + ":worker", jobRepository)
                .tasklet(new PhaseTasklet(plan, index, history, partitions, liveRuns), noTransaction)
                // On restart every partition runs again; the tasklet skips agents that already completed.
                .allowStartIfComplete(true)
                .build();
        return new StepBuilder(name, jobRepository)
                .partitioner(worker.getName(), new PhasePartitioner(plan.agents(), index))
                .step(worker)
                .gridSize(properties.gridSize())
                .taskExecutor(partitionExecutor)
                .aggregator(new PhaseGate(phase, plan, index, history))
                .listener(new PhaseListener(plan, index, history, contexts, transaction, events))
                .allowStartIfComplete(repeatable)
                .build();
    }
}
