package org.perfect21.execution.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import org.perfect21.agent.AgentOutcome;
import org.perfect21.cache.CacheKey;
import org.perfect21.cache.CacheStore;
import org.perfect21.cache.CacheableResult;
import org.perfect21.cache.CachedResult;
import org.perfect21.cache.ResultCache;
import org.perfect21.workflow.PreparedAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition's use of the result cache: lookups for cacheable agents, and their successes queued to be
 * stored by the worker thread with its next batch of results (before those results are written). The cache
 * is an optimisation: a failure to store fails nothing.
 */
final class CachedResults {

    private static final Logger log = LoggerFactory.getLogger(CachedResults.class);

    private final ResultCache cache;
    private final Executor executor;
    private final String runId;
    private final String canonicalParams;
    private final Queue<CacheStore> toStore = new ConcurrentLinkedQueue<>();

    CachedResults(ResultCache cache, Executor executor, String runId, Map<String, Object> params) {
        this.cache = cache;
        this.executor = executor;
        this.runId = runId;
        this.canonicalParams = canonical(params);
    }

    /**
     * The key of an agent's result: its definition's fingerprint, its rendered instruction and system prompt, and
     * the run's parameters.
     */
    CacheKey keyOf(PreparedAgent agent, InstructionScope.Prompt prompt) {
        return CacheKey.of(agent.name(), List.of(agent.fingerprint(), prompt.instruction(), prompt.system(), canonicalParams));
    }

    /** Looks the key up; the cold tier is read on the agent executor. Never fails: a failed lookup is a miss. */
    CompletableFuture<Optional<CachedResult>> lookup(CacheKey key) {
        return cache.lookup(key, executor);
    }

    /** Queues a success to be stored at the next {@link #storeQueued()}. */
    void offer(CacheKey key, AgentOutcome outcome, Duration ttl) {
        toStore.add(new CacheStore(key, new CacheableResult(outcome.output(), outcome.outputBytes(), outcome.truncated(),
                outcome.tokens()), ttl));
    }

    /** Stores what was queued, in one batch. */
    void storeQueued() {
        if (toStore.isEmpty()) {
            return;
        }
        List<CacheStore> stores = new ArrayList<>();
        for (CacheStore store; (store = toStore.poll()) != null; ) {
            stores.add(store);
        }
        try {
            cache.storeAll(stores);
        } catch (RuntimeException e) {
            log.warn("Could not store {} result(s) of run {} in the result cache: {}", stores.size(), runId, e.toString());
        }
    }

    /** The run's parameters in a canonical form: kinds may use them beside the instruction. */
    private static String canonical(Map<String, Object> params) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            String text = String.valueOf(value);
            out.append(name.length()).append(':').append(name).append('=')
                    .append(value == null ? "null" : value.getClass().getSimpleName())
                    .append(text.length()).append(':').append(text).append(';');
        });
        return out.toString();
    }
}
