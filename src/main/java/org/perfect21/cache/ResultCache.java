package org.perfect21.cache;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Results of agents marked {@code cache: true}, in three tiers: hot (in the heap, bounded by entries), warm
 * (in the heap, bounded by bytes; what hot evicts) and cold (the database, {@code P21_RESULT_CACHE}). A hit
 * in a lower tier moves the result up to hot. Every entry expires at its own time (the agent's {@code ttl},
 * else {@code perfect21.cache.default-ttl}). Outputs are never logged: they may hold secrets.
 */
@Component
public class ResultCache implements Trimmable {

    private static final Logger log = LoggerFactory.getLogger(ResultCache.class);

    // Beyond this, a TTL is as good as forever; capping it keeps expiresAt within what the database stores.
    private static final Duration LONGEST_TTL = Duration.ofDays(36_500);

    private final HeapTiers heap;
    private final ColdTier cold;
    private final CacheMetrics metrics;
    private final Clock clock;
    private final Duration defaultTtl;
    private final long maxEntryBytes;

    @Autowired
    public ResultCache(CacheProperties properties, JdbcTemplate jdbc, TransactionTemplate transaction,
                       ObjectProvider<MeterRegistry> meters) {
        this(properties, jdbc, transaction, meters.getIfAvailable(), Clock.systemUTC(), Ticker.systemTicker());
    }

    /** On a clock and a ticker of its own (the time a cache entry lives is measured on both). */
    ResultCache(CacheProperties properties, JdbcTemplate jdbc, TransactionTemplate transaction, MeterRegistry meters,
                Clock clock, Ticker ticker) {
        this.clock = clock;
        this.heap = new HeapTiers(properties.hotMaxEntries(), properties.warmMaxBytes().toBytes(), clock, ticker);
        this.cold = new ColdTier(jdbc, transaction);
        this.metrics = new CacheMetrics(meters, heap);
        this.defaultTtl = properties.defaultTtl();
        this.maxEntryBytes = properties.maxEntryBytes().toBytes();
    }

    /**
     * Looks in the hot tier, then the warm tier, on the calling thread (never blocks); then, on
     * {@code ioExecutor}, the cold tier in the database. A hit in a lower tier is promoted to the hot tier.
     * Expired entries are misses (and are dropped). Never completes exceptionally: a database failure on
     * the cold tier is logged (without the output) and counted as a miss.
     */
    public CompletableFuture<Optional<CachedResult>> lookup(CacheKey key, Executor ioExecutor) {
        Instant now = clock.instant();
        CacheEntry hot = heap.hot(key, now);
        metrics.lookedUp(CacheTier.HOT, hot != null);
        if (hot != null) {
            return CompletableFuture.completedFuture(Optional.of(hot.servedFrom(CacheTier.HOT)));
        }
        CacheEntry warm = heap.takeWarm(key, now);
        metrics.lookedUp(CacheTier.WARM, warm != null);
        if (warm != null) {
            return CompletableFuture.completedFuture(Optional.of(warm.servedFrom(CacheTier.WARM)));
        }
        try {
            return CompletableFuture.supplyAsync(() -> lookupCold(key), ioExecutor);
        } catch (RejectedExecutionException e) {
            log.warn("Cold result cache lookup for agent {} not started, counted as a miss: the executor refused it", key.agent());
            metrics.lookedUp(CacheTier.COLD, false);
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    private Optional<CachedResult> lookupCold(CacheKey key) {
        Optional<CacheEntry> found;
        try {
            found = cold.find(key, clock.instant());
            found.ifPresent(entry -> heap.promote(key, entry));
        } catch (RuntimeException e) {
            log.warn("Cold result cache lookup for agent {} failed, counted as a miss: {}", key.agent(), describe(e));
            found = Optional.empty();
        }
        metrics.lookedUp(CacheTier.COLD, found.isPresent());
        return found.map(entry -> entry.servedFrom(CacheTier.COLD));
    }

    /**
     * Stores results: into the hot tier at once and into the cold tier as ONE JDBC batch in one transaction
     * (upsert: a key stored again replaces the row). Called from a thread that may block on JDBC. Results
     * whose output is larger than {@code max-entry-bytes} (UTF-8) are skipped and counted; a TTL of zero or
     * less stores nothing; of one key given twice the last counts. A database failure is logged and not
     * thrown: the results then stay in the heap tiers only.
     */
    public void storeAll(List<CacheStore> stores) {
        Instant now = clock.instant();
        Map<CacheKey, CacheEntry> accepted = new LinkedHashMap<>();
        for (CacheStore store : stores) {
            Duration ttl = store.ttl() == null ? defaultTtl : store.ttl();
            if (ttl.isZero() || ttl.isNegative()) {
                continue;
            }
            if (tooLarge(store.result().output())) {
                metrics.skipped();
                continue;
            }
            Instant expiresAt = now.plus(ttl.compareTo(LONGEST_TTL) > 0 ? LONGEST_TTL : ttl);
            accepted.put(store.key(), new CacheEntry(store.key().agent(), store.result(), now, expiresAt));
        }
        if (accepted.isEmpty()) {
            return;
        }
        accepted.forEach(heap::put);
        metrics.stored(accepted.size());
        try {
            cold.upsertAll(accepted);
        } catch (RuntimeException e) {
            log.warn("Storing {} results in the cold result cache failed; they stay in the heap tiers only: {}", accepted.size(),
                    describe(e));
        }
    }

    /** Deletes expired cold rows in bounded batches; returns how many. Expired heap entries are dropped too. */
    public long purgeExpired() {
        heap.cleanUp();
        return cold.purgeExpired(clock.instant());
    }

    /** Forgets the result of one key in every tier. */
    public void invalidate(CacheKey key) {
        heap.invalidate(key);
        cold.delete(key);
    }

    /** Lookups per tier and outcome, stores and skipped results since start. */
    public CacheStats stats() {
        return metrics.stats();
    }

    @Override
    public String name() {
        return "agent-results";
    }

    /** Drops the hot and warm in-heap entries; the cold tier keeps them, so they are still served (from the database). */
    @Override
    public long trim() {
        return heap.clear();
    }

    // An output counts by what it takes as UTF-8, as in the database. Each char is 1 to 3 bytes, so only
    // a text in between is encoded to tell.
    private boolean tooLarge(String output) {
        if (output == null || output.length() * 3L <= maxEntryBytes) {
            return false;
        }
        return output.length() > maxEntryBytes || output.getBytes(StandardCharsets.UTF_8).length > maxEntryBytes;
    }

    // Exception types and SQL states only: a driver's message may quote the values bound, outputs among them.
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" caused by ").append(cause.getClass().getName());
            if (cause instanceof SQLException sql) {
                text.append(" (SQL state ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode()).append(')');
            }
        }
        return text.toString();
    }
}
