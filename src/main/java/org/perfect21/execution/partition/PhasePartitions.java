package org.perfect21.execution.partition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.perfect21.cache.ResultCache;
import org.perfect21.execution.ExecutionProperties;
import org.perfect21.execution.live.LiveRun;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.history.AgentResult;
import org.perfect21.history.RunHistory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Runs partitions of phases on the platform's one agent executor, under the global bound of agents in flight. */
@Component
public class PhasePartitions {

    /**
     * One partition's work.
     *
     * @param iteration 1, or the iteration of the gate's repeat that runs the phase again
     * @param todo      the indexes of its agents that have not completed yet
     * @param prior     the rows an earlier execution of the run left for its agents in this iteration, by index
     * @param feedback  what the failed gate that sent the work back says, or "" in a first iteration
     */
    public record Work(RunPlan plan, int phaseIndex, int iteration, List<Integer> todo, Map<Integer, AgentResult> prior,
                       LiveRun live, String feedback) {
    }

    private final AgentDispatcher dispatcher;
    private final Executor executor;
    private final ExecutionProperties properties;
    private final ResultCache cache;
    private final RunEvents events;
    private final RunHistory history;

    PhasePartitions(AgentDispatcher dispatcher, @Qualifier("agentExecutor") Executor executor, ExecutionProperties properties,
                    ResultCache cache, RunEvents events, RunHistory history) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.properties = properties;
        this.cache = cache;
        this.events = events;
        this.history = history;
    }

    /**
     * Runs the partition's agents, at most {@code parallelism} at once, on the calling thread (which writes
     * their results as they finish); returns every result.
     */
    public List<AgentResult> run(Work work, int parallelism) throws InterruptedException {
        String runId = work.plan().runId();
        AgentAttempts attempts = new AgentAttempts(work.plan(), work.phaseIndex(), work.iteration(), dispatcher, executor,
                properties.defaultAgentTimeout(), new RetryBackoff(properties.retryBackoff(), properties.maxRetryBackoff()),
                work.live(), events);
        AgentResults results = new AgentResults(runId, work.phaseIndex(), work.iteration(),
                work.plan().workflow().phases().get(work.phaseIndex()), work.plan().agents().of(work.phaseIndex()), work.prior(),
                properties.storedOutput().toBytes());
        CachedResults cached = new CachedResults(cache, executor, runId, work.plan().params());
        return new PartitionExecution(work, attempts, results, cached, executor, events).run(parallelism, history);
    }
}
