package org.perfect21.execution.partition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.agent.CachePolicy;
import org.perfect21.cache.CacheKey;
import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.live.LiveRun;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.execution.live.Stoppable;
import org.perfect21.history.AgentResult;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;

/**
 * Runs the agents of one partition of a phase: at most {@code parallelism} at once (each start triggered by a
 * completion), the phase deadline enforced, a run's stop obeyed. Agents never block a thread. The worker
 * step's thread, which would otherwise only wait, writes results as they arrive: one JDBC batch of whatever
 * finished since its last write (at once when idle, batched under load, no timer), and then tells of them
 * ({@link AgentCompleted}).
 */
final class PartitionExecution implements Stoppable {

    private final RunPlan plan;
    private final PhaseDefinition phase;
    private final List<Integer> todo;
    private final List<PreparedAgent> agents;
    private final Executor executor;
    private final LiveRun live;
    private final RunEvents events;
    private final int phaseIndex;
    private final AgentAttempts attempts;
    private final AgentResults results;
    private final CachedResults cache;
    private final InstructionScope instructions;
    private final AtomicInteger next = new AtomicInteger();
    private final BlockingQueue<AgentResult> finished = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> deadline = new CompletableFuture<>();
    private volatile String stopReason;

    PartitionExecution(PhasePartitions.Work work, AgentAttempts attempts, AgentResults results, CachedResults cache,
                       Executor executor, RunEvents events) {
        this.plan = work.plan();
        this.phaseIndex = work.phaseIndex();
        this.phase = plan.workflow().phases().get(phaseIndex);
        this.todo = work.todo();
        this.agents = plan.agents().of(phaseIndex);
        this.live = work.live();
        this.attempts = attempts;
        this.results = results;
        this.cache = cache;
        this.executor = executor;
        this.events = events;
        this.instructions = new InstructionScope(plan, phaseIndex, work.iteration(), work.feedback());
    }

    /** Starts the agents, then writes their results as they finish until all are written; returns every result. */
    List<AgentResult> run(int parallelism, RunHistory history) throws InterruptedException {
        if (phase.timeout() != null) {
            deadline.orTimeout(phase.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            expire();
                        }
                    });
        }
        live.attach(this);
        int window = Math.min(Math.max(1, parallelism), todo.size());
        for (int i = 0; i < window; i++) {
            startNext();
        }
        List<AgentResult> written = new ArrayList<>(todo.size());
        try {
            while (written.size() < todo.size()) {
                List<AgentResult> batch = new ArrayList<>();
                batch.add(finished.take());
                finished.drainTo(batch);
                cache.storeQueued();
                history.saveResults(batch);
                written.addAll(batch);
                batch.forEach(this::tell);
            }
        } catch (InterruptedException | RuntimeException e) {
            // Stopped, or the database failed: nothing more starts and what runs is cut short.
            expire();
            throw e;
        } finally {
            deadline.complete(null);
            live.detach(this);
        }
        return written;
    }

    /** The run is being stopped: like a deadline, but what is cut short ends STOPPED, not FAILED. */
    @Override
    public void stop(String reason) {
        stopReason = reason;
        expire();
    }

    private void startNext() {
        int slot = next.getAndIncrement();
        if (slot >= todo.size()) {
            return;
        }
        int agentIndex = todo.get(slot);
        runAgent(agentIndex).whenComplete((result, failure) -> {
            live.agentEnded(phaseIndex, agentIndex);
            finished.add(result != null ? result
                    : results.failed(agentIndex, failedStatus(), attempts.describe(agents.get(agentIndex), failure)));
            if (next.get() < todo.size()) {
                // Start the next agent off the completing thread (it may be a JDK timer or process reaper).
                executor.execute(this::startNext);
            }
        });
    }

    /** Runs one agent; a cacheable agent is first looked up in the result cache, and a success is offered to it. */
    private CompletableFuture<AgentResult> runAgent(int agentIndex) {
        PreparedAgent agent = agents.get(agentIndex);
        InstructionScope.Prompt prompt = instructions.render(agent);
        CachePolicy policy = agent.definition().cache();
        if (!policy.enabled()) {
            return attempt(agent, agentIndex, prompt, null, policy);
        }
        CacheKey key = cache.keyOf(agent, prompt);
        return cache.lookup(key).thenCompose(hit -> hit.isPresent()
                ? CompletableFuture.completedFuture(results.served(agentIndex, hit.get()))
                : attempt(agent, agentIndex, prompt, key, policy));
    }

    private CompletableFuture<AgentResult> attempt(PreparedAgent agent, int agentIndex, InstructionScope.Prompt prompt,
                                                   CacheKey key, CachePolicy policy) {
        Instant startedAt = Instant.now();
        return attempts.run(agent, agentIndex, prompt, results.priorAttempts(agentIndex)).thenApply(attempted -> {
            if (key != null && attempted.outcome().succeeded()) {
                cache.offer(key, attempted.outcome(), policy.ttl());
            }
            return results.ran(agentIndex, attempted.outcome(), attempted.attempts(), startedAt, failedStatus(),
                    key == null ? null : AgentResult.CACHE_MISS);
        });
    }

    private void tell(AgentResult r) {
        events.publish(new AgentCompleted(r.runId(), r.phaseIndex(), r.iteration(), r.agentIndex(), r.phase(), r.agent(), r.kind(), r.status(),
                r.attempts(), r.startedAt(), r.endedAt(), r.outputBytes(), r.cacheTier(), r.error()));
    }

    /** The phase deadline passed, or the run stops: fail what runs (kinds kill their processes), start nothing more. */
    private void expire() {
        attempts.cutShort(stopReason != null ? new RunStoppedException(stopReason) : new PhaseTimeoutException());
    }

    private AgentStatus failedStatus() {
        return stopReason != null ? AgentStatus.STOPPED : AgentStatus.FAILED;
    }

    /** Marks attempts cut short by the phase's own timeout. */
    static final class PhaseTimeoutException extends RuntimeException {
        PhaseTimeoutException() {
            super("phase timed out", null, false, false);
        }
    }

    /** Marks attempts cut short because the run was stopped. */
    static final class RunStoppedException extends RuntimeException {
        RunStoppedException(String reason) {
            super("stopped: " + reason, null, false, false);
        }
    }
}
