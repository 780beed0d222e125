package org.perfect21.execution.partition;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.live.LiveRun;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;

/**
 * The attempts of a partition's agents: each goes through the dispatcher (the platform-wide bound), runs under
 * its timeout (the agent's, else {@code perfect21.execution.default-agent-timeout}) and is retried up to the
 * agent's {@code retries} on the agent executor (a transient failure after a backoff, a failure the kind says
 * cannot be helped not at all). Once the partition is cut short (phase deadline, stop) nothing
 * more starts and what is in flight fails with the reason; kinds then release what their attempts hold.
 */
final class AgentAttempts {

    /** What an agent's attempts gave: the last outcome, after how many attempts in this execution. */
    record Attempted(AgentOutcome outcome, int attempts) {
    }

    private final RunPlan plan;
    private final int phaseIndex;
    private final PhaseDefinition phase;
    private final AgentDispatcher dispatcher;
    private final Executor executor;
    private final int iteration;
    private final Duration defaultTimeout;
    private final RetryBackoff backoff;
    private final LiveRun live;
    private final RunEvents events;
    private final Set<CompletableFuture<AgentOutcome>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile RuntimeException cutShortBy;

    AgentAttempts(RunPlan plan, int phaseIndex, int iteration, AgentDispatcher dispatcher, Executor executor,
                  Duration defaultTimeout, RetryBackoff backoff, LiveRun live, RunEvents events) {
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.iteration = iteration;
        this.phase = plan.workflow().phases().get(phaseIndex);
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.defaultTimeout = defaultTimeout;
        this.backoff = backoff;
        this.live = live;
        this.events = events;
    }

    /** Runs the agent's attempts, the first numbered after {@code priorAttempts}; never completes exceptionally. */
    CompletableFuture<Attempted> run(PreparedAgent agent, int agentIndex, InstructionScope.Prompt prompt, int priorAttempts) {
        return attempt(agent, agentIndex, prompt, priorAttempts, 1);
    }

    /** Starts nothing more and fails the attempts in flight with {@code reason}. */
    void cutShort(RuntimeException reason) {
        cutShortBy = reason;
        for (CompletableFuture<AgentOutcome> running : inFlight) {
            running.completeExceptionally(reason);
        }
    }

    boolean isCutShort() {
        return cutShortBy != null;
    }

    private CompletableFuture<Attempted> attempt(PreparedAgent agent, int agentIndex, InstructionScope.Prompt prompt,
                                                 int priorAttempts, int attempt) {
        return dispatcher.submit(() -> start(agent, agentIndex, prompt, priorAttempts + attempt))
                .handle((outcome, failure) -> failure == null ? spent(outcome) : failed(agent, failure))
                .thenCompose(outcome -> outcome.succeeded() || !outcome.retry().allowed()
                        || attempt > agent.definition().retries() || isCutShort()
                        ? CompletableFuture.completedFuture(new Attempted(outcome, attempt))
                        // A retry starts on the agent executor (after its backoff, on a JDK timer: no thread waits),
                        // not on whichever thread saw the failure. The slot in the dispatcher is free meanwhile.
                        : CompletableFuture.supplyAsync(() -> attempt(agent, agentIndex, prompt, priorAttempts, attempt + 1),
                                backoff.executorFor(outcome.retry(), attempt, executor))
                                .thenCompose(retry -> retry));
    }

    private AgentOutcome spent(AgentOutcome outcome) {
        plan.spend().add(outcome.usage());
        return outcome;
    }

    private AgentOutcome failed(PreparedAgent agent, Throwable failure) {
        AgentOutcome outcome = AgentOutcome.failure(describe(agent, failure));
        return unwrap(failure) instanceof LimitPassedException ? outcome.withRetry(AgentOutcome.Retry.NEVER) : outcome;
    }

    private CompletableFuture<AgentOutcome> start(PreparedAgent agent, int agentIndex, InstructionScope.Prompt prompt,
                                                  int attemptNumber) {
        RuntimeException reason = cutShortBy;
        if (reason != null) {
            return CompletableFuture.failedFuture(reason);
        }
        String limit = plan.spend().passedLimit();
        if (limit != null) {
            return CompletableFuture.failedFuture(new LimitPassedException(limit));
        }
        Instant startedAt = Instant.now();
        live.agentStarted(phaseIndex, agentIndex, startedAt, attemptNumber);
        events.publish(new AgentStarted(plan.runId(), phaseIndex, iteration, agentIndex, phase.name(), agent.name(), attemptNumber,
                startedAt));
        AgentCall call = new AgentCall(plan.runId(), phase.name(), prompt.instruction(), prompt.system(), attemptNumber,
                plan.params(), executor, iteration);
        CompletableFuture<AgentOutcome> running = agent.runner().start(call);
        running.orTimeout(timeoutOf(agent).toMillis(), TimeUnit.MILLISECONDS);
        inFlight.add(running);
        running.whenComplete((o, e) -> inFlight.remove(running));
        reason = cutShortBy;
        if (reason != null) {
            running.completeExceptionally(reason);
        }
        return running;
    }

    private Duration timeoutOf(PreparedAgent agent) {
        return agent.definition().timeout() != null ? agent.definition().timeout() : defaultTimeout;
    }

    /** Why an attempt failed, in words for the run document. */
    String describe(PreparedAgent agent, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof PartitionExecution.RunStoppedException || cause instanceof LimitPassedException) {
            return cause.getMessage();
        }
        if (cause instanceof PartitionExecution.PhaseTimeoutException) {
            return "phase '" + phase.name() + "' timed out after " + phase.timeout().toMillis() + " ms";
        }
        if (cause instanceof TimeoutException) {
            return "timed out after " + timeoutOf(agent).toMillis() + " ms";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Marks an agent not started because its run passed one of its workflow's limits. */
    static final class LimitPassedException extends RuntimeException {
        LimitPassedException(String limit) {
            super("not started: " + limit, null, false, false);
        }
    }
}
