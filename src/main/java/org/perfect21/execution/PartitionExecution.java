package org.perfect21.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.CachePolicy;
import org.perfect21.cache.CacheKey;
import org.perfect21.cache.CacheStore;
import org.perfect21.cache.CacheableResult;
import org.perfect21.cache.CachedResult;
import org.perfect21.cache.ResultCache;
import org.perfect21.context.ContextView;
import org.perfect21.history.AgentResult;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agents of one partition of a phase: at most {@code parallelism} at once (each start
 * triggered by a completion), each attempt under its timeout, failures retried, the phase deadline
 * enforced. Agents never block a thread. The worker step's thread, which would otherwise only wait,
 * writes results as they arrive: one JDBC batch of whatever finished since its last write (at once
 * when idle, batched under load, no timer).
 */
final class PartitionExecution {

    private static final Logger log = LoggerFactory.getLogger(PartitionExecution.class);

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
    private final ResultCache cache;
    private final Queue<CacheStore> toCache = new ConcurrentLinkedQueue<>();
    // Built once per partition: the context's text may be large and is the same for every agent.
    private final Map<String, Object> phaseScope;

    PartitionExecution(RunPlan plan, int phaseIndex, List<Integer> todo, Map<Integer, AgentResult> prior,
                       AgentDispatcher dispatcher, Executor executor, ExecutionProperties properties, LiveRun live,
                       ResultCache cache) {
        this.cache = cache;
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
                storeInCache();
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

    /** Stores the successes of cacheable agents; the cache is an optimisation, so a failure to store fails nothing. */
    private void storeInCache() {
        if (toCache.isEmpty()) {
            return;
        }
        List<CacheStore> stores = new ArrayList<>();
        for (CacheStore store; (store = toCache.poll()) != null; ) {
            stores.add(store);
        }
        try {
            cache.storeAll(stores);
        } catch (RuntimeException e) {
            log.warn("Could not store {} result(s) of run {} in the result cache: {}", stores.size(), plan.runId(), e.toString());
        }
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

    /**
     * Runs one agent: renders its instruction once for all its attempts; a cacheable agent is first looked
     * up in the result cache, and a success is queued to be stored there.
     */
    private CompletableFuture<AgentResult> runAgent(int agentIndex) {
        PreparedAgent agent = phase.agents().get(agentIndex);
        String instruction = agent.instruction().render(scope(agent));
        CachePolicy policy = agent.definition().cache();
        if (!policy.enabled()) {
            return execute(agent, agentIndex, instruction, null, null);
        }
        CacheKey key = CacheKey.of(agent.name(), List.of(agent.fingerprint(), instruction, canonicalParams()));
        return cache.lookup(key, executor).thenCompose(hit -> hit.isPresent()
                ? CompletableFuture.completedFuture(served(agent, agentIndex, hit.get()))
                : execute(agent, agentIndex, instruction, key, policy.ttl()));
    }

    private CompletableFuture<AgentResult> execute(PreparedAgent agent, int agentIndex, String instruction, CacheKey key,
                                                   Duration ttl) {
        AgentResult before = prior.get(agentIndex);
        int priorAttempts = before == null ? 0 : before.attempts();
        Instant startedAt = Instant.now();
        return attempt(agent, agentIndex, instruction, priorAttempts, 1).thenApply(attempted -> {
            AgentOutcome outcome = attempted.outcome();
            if (key != null && outcome.succeeded()) {
                // Stored by the worker thread with the next batch of results, before this result is written.
                toCache.add(new CacheStore(key, new CacheableResult(outcome.output(), outcome.outputBytes(), outcome.truncated(),
                        outcome.tokens()), ttl));
            }
            String stored = clip(outcome.output());
            return new AgentResult(plan.runId(), phaseIndex, agentIndex, phase.name(), agent.name(),
                    agent.definition().effectiveKind(), before != null,
                    outcome.succeeded() ? AgentResult.COMPLETED : failedStatus(),
                    priorAttempts + attempted.attempts(), startedAt, Instant.now(), outcome.outputBytes(),
                    outcome.truncated() || stored.length() < outcome.output().length(), stored, outcome.error(),
                    outcome.tokens(), key == null ? null : AgentResult.CACHE_MISS);
        });
    }

    /** The result of an agent the cache answered for: completed, no attempt made. */
    private AgentResult served(PreparedAgent agent, int agentIndex, CachedResult hit) {
        AgentResult before = prior.get(agentIndex);
        CacheableResult result = hit.result();
        String stored = clip(result.output());
        Instant now = Instant.now();
        return new AgentResult(plan.runId(), phaseIndex, agentIndex, phase.name(), agent.name(),
                agent.definition().effectiveKind(), before != null, AgentResult.COMPLETED,
                before == null ? 0 : before.attempts(), now, now, result.outputBytes(),
                result.truncated() || stored.length() < result.output().length(), stored, null, result.tokens(),
                hit.tier().name());
    }

    /** The run's parameters in a canonical form: part of every cache key, as kinds may use them beside the instruction. */
    private String canonicalParams() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(plan.params()).forEach((name, value) -> {
            String text = String.valueOf(value);
            out.append(name.length()).append(':').append(name).append('=')
                    .append(value == null ? "null" : value.getClass().getSimpleName())
                    .append(text.length()).append(':').append(text).append(';');
        });
        return out.toString();
    }

    private record Attempted(AgentOutcome outcome, int attempts) {
    }

    private CompletableFuture<Attempted> attempt(PreparedAgent agent, int agentIndex, String instruction, int priorAttempts,
                                                 int attempt) {
        return dispatcher.submit(() -> startAttempt(agent, agentIndex, instruction, priorAttempts + attempt))
                .handle((outcome, failure) -> failure == null ? outcome : AgentOutcome.failure(describe(agent, failure)))
                .thenCompose(outcome -> outcome.succeeded() || attempt > agent.definition().retries() || expired
                        ? CompletableFuture.completedFuture(new Attempted(outcome, attempt))
                        // A retry starts on the agent executor, not on whichever thread saw the failure.
                        : CompletableFuture.supplyAsync(() -> attempt(agent, agentIndex, instruction, priorAttempts, attempt + 1),
                                executor)
                                .thenCompose(retry -> retry));
    }

    private CompletableFuture<AgentOutcome> startAttempt(PreparedAgent agent, int agentIndex, String instruction,
                                                         int attemptNumber) {
        if (expired) {
            return CompletableFuture.failedFuture(cutShort());
        }
        live.agentStarted(phaseIndex, agentIndex, Instant.now(), attemptNumber);
        AgentCall call = new AgentCall(plan.runId(), phase.name(), instruction, attemptNumber, plan.params(), executor);
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
