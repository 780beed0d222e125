package org.perfect21.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.context.ContextView;
import org.perfect21.history.AgentResult;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;

/**
 * Runs the agents of one partition of a phase: at most {@code parallelism} at once (each start
 * triggered by a completion), each attempt under its timeout, failures retried, the phase deadline
 * enforced. Agents never block a thread. The worker step's thread, which would otherwise only wait,
 * writes results as they arrive: one JDBC batch of whatever finished since its last write (at once
 * when idle, batched under load, no timer).
 */
final class PartitionExecution {

    private final RunPlan plan;
    private final int phaseIndex;
    private final PhaseDefinition phase;
    private final List<Integer> todo;
    private final Map<Integer, AgentResult> prior;
    private final AgentDispatcher dispatcher;
    private final Executor executor;
    private final ExecutionProperties properties;
    private final LiveRun live;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<CompletableFuture<AgentOutcome>> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<AgentResult> finished = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> deadline = new CompletableFuture<>();
    private volatile boolean expired;
    private volatile String stopReason;
    // Built once per partition: the context's text may be large and is the same for every agent.
    private final Map<String, Object> phaseScope;

    PartitionExecution(RunPlan plan, int phaseIndex, List<Integer> todo, Map<Integer, AgentResult> prior,
                       AgentDispatcher dispatcher, Executor executor, ExecutionProperties properties, LiveRun live) {
        this.plan = plan;
        this.phaseIndex = phaseIndex;
        this.phase = plan.workflow().phases().get(phaseIndex);
        this.todo = todo;
        this.prior = prior;
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.properties = properties;
        this.live = live;
        ContextView context = plan.context().view();
        this.phaseScope = Map.of("params", plan.params(), "run", Map.of("id", plan.runId()),
                "workflow", Map.of("name", plan.workflow().name()), "phase", Map.of("name", phase.name(), "index", phaseIndex),
                "context", context.scope(), "git", context.git());
    }

    /**
     * Starts the agents, then writes their results as they finish until all are written. Runs on the
     * worker step's thread; returns every result.
     */
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
                history.saveResults(batch);
                written.addAll(batch);
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

    private void startNext() {
        int slot = next.getAndIncrement();
        if (slot >= todo.size()) {
            return;
        }
        int agentIndex = todo.get(slot);
        runAgent(agentIndex).whenComplete((result, failure) -> {
            live.agentEnded(phaseIndex, agentIndex);
            finished.add(result != null ? result : failedResult(agentIndex, failure));
            if (next.get() < todo.size()) {
                // Start the next agent off the completing thread (it may be a JDK timer or process reaper).
                executor.execute(this::startNext);
            }
        });
    }

    private AgentResult failedResult(int agentIndex, Throwable failure) {
        AgentResult before = prior.get(agentIndex);
        PreparedAgent agent = phase.agents().get(agentIndex);
        Instant now = Instant.now();
        return new AgentResult(plan.runId(), phaseIndex, agentIndex, phase.name(), agent.name(),
                agent.definition().effectiveKind(), before != null, failedStatus(),
                (before == null ? 0 : before.attempts()) + 1, now, now, 0, false, "", describe(agent, failure));
    }

    private CompletableFuture<AgentResult> runAgent(int agentIndex) {
        PreparedAgent agent = phase.agents().get(agentIndex);
        AgentResult before = prior.get(agentIndex);
        int priorAttempts = before == null ? 0 : before.attempts();
        Instant startedAt = Instant.now();
        return attempt(agent, agentIndex, priorAttempts, 1).thenApply(attempted -> {
            AgentOutcome outcome = attempted.outcome();
            String stored = clip(outcome.output());
            return new AgentResult(plan.runId(), phaseIndex, agentIndex, phase.name(), agent.name(),
                    agent.definition().effectiveKind(), before != null,
                    outcome.succeeded() ? AgentResult.COMPLETED : failedStatus(),
                    priorAttempts + attempted.attempts(), startedAt, Instant.now(), outcome.outputBytes(),
                    outcome.truncated() || stored.length() < outcome.output().length(), stored, outcome.error(),
                    outcome.tokens(), null);
        });
    }

    private record Attempted(AgentOutcome outcome, int attempts) {
    }

    private CompletableFuture<Attempted> attempt(PreparedAgent agent, int agentIndex, int priorAttempts, int attempt) {
        return dispatcher.submit(() -> startAttempt(agent, agentIndex, priorAttempts + attempt))
                .handle((outcome, failure) -> failure == null ? outcome : AgentOutcome.failure(describe(agent, failure)))
                .thenCompose(outcome -> outcome.succeeded() || attempt > agent.definition().retries() || expired
                        ? CompletableFuture.completedFuture(new Attempted(outcome, attempt))
                        // A retry starts on the agent executor, not on whichever thread saw the failure.
                        : CompletableFuture.supplyAsync(() -> attempt(agent, agentIndex, priorAttempts, attempt + 1), executor)
                                .thenCompose(retry -> retry));
    }

    private CompletableFuture<AgentOutcome> startAttempt(PreparedAgent agent, int agentIndex, int attemptNumber) {
        if (expired) {
            return CompletableFuture.failedFuture(cutShort());
        }
        live.agentStarted(phaseIndex, agentIndex, Instant.now(), attemptNumber);
        AgentCall call = new AgentCall(plan.runId(), phase.name(), agent.instruction().render(scope(agent)), attemptNumber,
                plan.params(), executor);
        CompletableFuture<AgentOutcome> running = agent.runner().start(call);
        Duration timeout = agent.definition().timeout() != null ? agent.definition().timeout() : properties.defaultAgentTimeout();
        running.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        inFlight.add(running);
        running.whenComplete((o, e) -> inFlight.remove(running));
        if (expired) {
            running.completeExceptionally(cutShort());
        }
        return running;
    }

    /**
     * What an agent's instruction template sees: parameters, run, workflow, phase, agent, the context of
     * earlier phases ({@code context}) and the latest git snapshot in it ({@code git}).
     */
    private Map<String, Object> scope(PreparedAgent agent) {
        Map<String, Object> scope = new HashMap<>(phaseScope);
        scope.put("agent", Map.of("name", agent.name()));
        return scope;
    }

    /** The phase deadline passed: fail what runs (kinds kill their processes) and start nothing more. */
    private void expire() {
        expired = true;
        for (CompletableFuture<AgentOutcome> running : inFlight) {
            running.completeExceptionally(cutShort());
        }
    }

    /** The run is being stopped: like a deadline, but what is cut short ends STOPPED, not FAILED. */
    void stop(String reason) {
        stopReason = reason;
        expire();
    }

    private RuntimeException cutShort() {
        return stopReason != null ? new RunStoppedException(stopReason) : new PhaseTimeoutException();
    }

    private String failedStatus() {
        return stopReason != null ? AgentResult.STOPPED : AgentResult.FAILED;
    }

    private String describe(PreparedAgent agent, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RunStoppedException) {
            return cause.getMessage();
        }
        if (cause instanceof PhaseTimeoutException) {
            return "phase '" + phase.name() + "' timed out after " + phase.timeout().toMillis() + " ms";
        }
        if (cause instanceof TimeoutException) {
            Duration timeout = agent.definition().timeout() != null ? agent.definition().timeout() : properties.defaultAgentTimeout();
            return "timed out after " + timeout.toMillis() + " ms";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private String clip(String output) {
        long limit = properties.storedOutput().toBytes();
        return output.length() <= limit ? output : output.substring(0, (int) limit);
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
