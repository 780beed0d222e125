package org.perfect21.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiers under a clock the tests move: hits and misses, each entry's own TTL in every tier (no
 * waiting), demotion hot → warm on size eviction, promotion warm → hot and cold → hot, trimming, and
 * results too large to cache. The cold tier is an in-memory H2 database migrated by Flyway.
 */
class ResultCacheTests {

    /** Fails a lookup that goes to the database when the heap tiers should have answered. */
    private static final Executor NO_IO = task -> {
        throw new AssertionError("the cold tier was consulted");
    };
    private static final Executor INLINE = Runnable::run;

    static CacheDatabase db;

    FakeTime time;
    SimpleMeterRegistry meters;

    @BeforeAll
    static void database() {
        db = new CacheDatabase();
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyCache() {
        db.clear();
        time = new FakeTime(Instant.parse("2026-11-28T10:00:00Z"));
        meters = new SimpleMeterRegistry();
    }

    /** Where a lookup is answered: the hot tier on the calling thread, or a miss in every tier. */
    @Nested
    class Lookups {

        @Test
        void aStoredResultIsAHotHitWithItsTimes() {
            ResultCache cache = cache(512, "64MB", "1MB");
            CacheKey key = key("a");
            CacheableResult result = new CacheableResult("out", 3, false, 42L);

            cache.storeAll(List.of(new CacheStore(key, result, null)));
            CompletableFuture<Optional<CachedResult>> lookup = cache.lookup(key, NO_IO);

            // Answered on the calling thread: no executor, already complete.
            assertThat(lookup).isCompleted();
            assertThat(lookup.join()).contains(new CachedResult(result, CacheTier.HOT, time.instant(), time.instant().plus(Duration.ofHours(24))));
            assertThat(cache.stats()).isEqualTo(new CacheStats(1, 0, 0, 0, 0, 0, 1, 0));
        }

        @Test
        void anUnknownKeyMissesEveryTier() {
            ResultCache cache = cache(512, "64MB", "1MB");

            assertThat(lookup(cache, key("unknown"))).isEmpty();
            assertThat(cache.stats()).isEqualTo(new CacheStats(0, 1, 0, 1, 0, 1, 0, 0));
        }
    }

    /** Demotion hot → warm on size eviction, promotion warm → hot and cold → hot. */
    @Nested
    class MovesBetweenTiers {

        @Test
        void whatTheHotTierEvictsForSizeMovesToTheWarmTier() {
            ResultCache cache = cache(2, "64MB", "1MB");
            List<CacheKey> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                keys.add(key("k" + i));
                cache.storeAll(List.of(store("k" + i, null)));
            }
            cache.purgeExpired();

            assertThat(entries("hot")).isEqualTo(2);
            assertThat(entries("warm")).isEqualTo(3);
            for (CacheKey key : keys) {
                assertThat(lookup(cache, key, NO_IO)).as(key.agent()).isPresent();
            }
            // NO_IO fails any lookup that reaches the database, so all five hits came from the heap tiers.
            // The three demoted entries can only leave the warm tier by their own lookup: each was a warm hit.
            CacheStats stats = cache.stats();
            assertThat(stats.hotHits() + stats.warmHits()).isEqualTo(5);
            assertThat(stats.warmHits()).isGreaterThanOrEqualTo(3);
            assertThat(stats.coldHits() + stats.coldMisses()).isZero();
            cache.purgeExpired();
            assertThat(entries("hot")).as("each promotion demotes one back").isEqualTo(2);
            assertThat(entries("warm")).isEqualTo(3);
        }

        @Test
        void aWarmHitMovesToTheHotTier() {
            ResultCache cache = cache(1, "64MB", "1MB");
            cache.storeAll(List.of(store("first", null)));
            cache.storeAll(List.of(store("second", null)));
            // One is hot, the other warm (Caffeine picks); either way, after a hit on "first" "second" is the warm one.
            Optional<CachedResult> first = lookup(cache, key("first"), NO_IO);

            assertThat(lookup(cache, key("second"), NO_IO)).map(CachedResult::tier).contains(CacheTier.WARM);
            assertThat(lookup(cache, key("second"), NO_IO)).map(CachedResult::tier).contains(CacheTier.HOT);
            assertThat(first).isPresent();
            boolean firstWasWarm = first.get().tier() == CacheTier.WARM;
            assertThat(cache.stats()).extracting(CacheStats::hotHits, CacheStats::warmHits)
                    .containsExactly(firstWasWarm ? 1L : 2L, firstWasWarm ? 2L : 1L);
        }

        @Test
        void aColdHitMovesToTheHotTierAndCountsInTheDatabase() {
            ResultCache cache = cache(512, "64MB", "1MB");
            cache.storeAll(List.of(store("a", null)));
            cache.trim();
            time.advance(Duration.ofMinutes(5));

            Optional<CachedResult> cold = lookup(cache, key("a"));

            assertThat(cold).map(CachedResult::tier).contains(CacheTier.COLD);
            assertThat(cold.get().storedAt()).isEqualTo(time.instant().minus(Duration.ofMinutes(5)));
            assertThat(lookup(cache, key("a"), NO_IO)).map(CachedResult::tier).contains(CacheTier.HOT);
            assertThat(db.jdbc.queryForObject("SELECT HITS FROM P21_RESULT_CACHE", Long.class)).isEqualTo(1L);
            assertThat(db.jdbc.queryForObject("SELECT LAST_HIT_AT FROM P21_RESULT_CACHE", OffsetDateTime.class))
                    .as("the time of the cold hit").isAtSameInstantAs(time.instant().atOffset(ZoneOffset.UTC));
        }
    }

    /** Each entry's own TTL, kept in every tier it moves to, on the clock the tests move. */
    @Nested
    class Expiry {

        @Test
        void eachEntryExpiresAtItsOwnTtlInTheHotTier() {
            ResultCache cache = cache(512, "64MB", "1MB");
            cache.storeAll(List.of(store("short", Duration.ofMinutes(10)), store("long", Duration.ofHours(2)), store("default", null)));

            time.advance(Duration.ofMinutes(9));
            assertThat(lookup(cache, key("short"))).map(CachedResult::tier).contains(CacheTier.HOT);
            time.advance(Duration.ofMinutes(1));
            assertThat(lookup(cache, key("short"))).isEmpty();
            assertThat(lookup(cache, key("long"))).map(CachedResult::tier).contains(CacheTier.HOT);
            time.advance(Duration.ofHours(2));
            assertThat(lookup(cache, key("long"))).isEmpty();
            assertThat(lookup(cache, key("default"))).map(CachedResult::tier).contains(CacheTier.HOT);
            time.advance(Duration.ofHours(22));
            assertThat(lookup(cache, key("default"))).isEmpty();
            // The cold copies were expired too: the lookups that found them deleted them.
            assertThat(db.rows()).isZero();
        }

        @Test
        void anEntryDemotedToTheWarmTierKeepsItsExpiry() {
            ResultCache cache = cache(1, "64MB", "1MB");
            cache.storeAll(List.of(store("first", Duration.ofMinutes(30))));
            cache.storeAll(List.of(store("second", Duration.ofMinutes(30))));
            assertThat(entries("warm")).as("one of the two was demoted").isEqualTo(1);

            time.advance(Duration.ofMinutes(30));

            assertThat(lookup(cache, key("first"))).isEmpty();
            assertThat(lookup(cache, key("second"))).isEmpty();
            assertThat(cache.stats().warmHits()).isZero();
            cache.purgeExpired();
            assertThat(entries("warm")).isZero();
        }

        @Test
        void anEntryServedFromTheDatabaseExpiresThere() {
            ResultCache cache = cache(512, "64MB", "1MB");
            cache.storeAll(List.of(store("a", Duration.ofHours(1))));
            cache.trim();

            time.advance(Duration.ofMinutes(59));
            assertThat(lookup(cache, key("a"))).map(CachedResult::tier).contains(CacheTier.COLD);
            cache.trim();
            time.advance(Duration.ofMinutes(1));

            assertThat(lookup(cache, key("a"))).isEmpty();
            assertThat(db.rows()).isZero();
            assertThat(cache.stats().coldHits()).isEqualTo(1);
            assertThat(cache.stats().coldMisses()).isEqualTo(1);
        }

        @Test
        void aTtlOfZeroStoresNothing() {
            ResultCache cache = cache(512, "64MB", "1MB");
            cache.storeAll(List.of(store("a", Duration.ZERO)));

            assertThat(lookup(cache, key("a"))).isEmpty();
            assertThat(db.rows()).isZero();
        }
    }

    /** What is stored and what bounds it: the entry size limit, the warm tier's bytes, a newer result for a key. */
    @Nested
    class StoringLimits {

        @Test
        void resultsLargerThanTheLimitAreSkippedAndCounted() {
            ResultCache cache = cache(512, "64MB", "1KB");
            cache.storeAll(List.of(
                    new CacheStore(key("exact"), new CacheableResult("x".repeat(1024), 1024, false, null), null),
                    new CacheStore(key("ascii"), new CacheableResult("x".repeat(1025), 1025, false, null), null),
                    // 400 chars, but 1,200 bytes in UTF-8: too large.
                    new CacheStore(key("euros"), new CacheableResult("€".repeat(400), 1200, false, null), null)));

            assertThat(lookup(cache, key("exact"))).isPresent();
            assertThat(lookup(cache, key("ascii"))).isEmpty();
            assertThat(lookup(cache, key("euros"))).isEmpty();
            assertThat(cache.stats().stores()).isEqualTo(1);
            assertThat(cache.stats().skipped()).isEqualTo(2);
            assertThat(db.rows()).isEqualTo(1);
        }

        @Test
        void theWarmTierIsBoundedByBytes() {
            // Hot holds one entry; warm about 4 entries of 1,000 chars (2,000 bytes as UTF-16 + overhead each).
            ResultCache cache = cache(1, "10000B", "1MB");
            for (int i = 0; i < 10; i++) {
                cache.storeAll(List.of(new CacheStore(key("k" + i), new CacheableResult("y".repeat(1000), 1000, false, null), null)));
            }
            cache.purgeExpired();

            assertThat(warmBytes()).isPositive().isLessThanOrEqualTo(10_000);
            assertThat(entries("warm")).isEqualTo(warmBytes() / (2000 + CacheEntry.HEAP_OVERHEAD_BYTES));
        }

        @Test
        void aStoreReplacesAnOlderResultInEveryTier() {
            ResultCache cache = cache(1, "64MB", "1MB");
            cache.storeAll(List.of(new CacheStore(key("a"), new CacheableResult("old", 3, false, null), null)));
            cache.storeAll(List.of(store("b", null)));
            time.advance(Duration.ofSeconds(1));

            cache.storeAll(List.of(new CacheStore(key("a"), new CacheableResult("new", 3, false, null), null)));

            assertThat(lookup(cache, key("a"), NO_IO)).map(hit -> hit.result().output()).contains("new");
            cache.trim();
            assertThat(lookup(cache, key("a"))).map(hit -> hit.result().output()).contains("new");
        }
    }

    /** Trimming the heap tiers, which leaves the database to serve. */
    @Nested
    class Trimming {

        @Test
        void trimEmptiesTheHeapTiersButTheDatabaseStillServes() {
            ResultCache cache = cache(2, "64MB", "1MB");
            cache.storeAll(List.of(store("a", null), store("b", null), store("c", null)));

            assertThat(cache.trim()).isEqualTo(3);

            assertThat(entries("hot") + entries("warm")).isZero();
            assertThat(warmBytes()).isZero();
            for (String agent : List.of("a", "b", "c")) {
                assertThat(lookup(cache, key(agent))).map(CachedResult::tier).as(agent).contains(CacheTier.COLD);
            }
            assertThat(cache.name()).isEqualTo("agent-results");
        }
    }

    /** The Micrometer meters of the cache. */
    @Nested
    class Metrics {

        @Test
        void theMetersCountLookupsPerTierAndOutcome() {
            ResultCache cache = cache(512, "64MB", "1MB");
            cache.storeAll(List.of(store("a", null), store("b", null)));
            cache.trim();

            lookup(cache, key("a"));
            lookup(cache, key("a"));
            lookup(cache, key("none"));

            assertThat(lookups("hot", "hit")).isEqualTo(1);
            assertThat(lookups("hot", "miss")).isEqualTo(2);
            assertThat(lookups("warm", "miss")).isEqualTo(2);
            assertThat(lookups("cold", "hit")).isEqualTo(1);
            assertThat(lookups("cold", "miss")).isEqualTo(1);
            assertThat(meters.get("perfect21.cache.stores").functionCounter().count()).isEqualTo(2);
            assertThat(meters.get("perfect21.cache.entries").tag("tier", "hot").gauge().value()).isEqualTo(1);
            assertThat(meters.get("perfect21.cache.entries").tag("tier", "warm").gauge().value()).isZero();
        }
    }

    /** A failing database or a refused executor is a miss, never an exception. */
    @Nested
    class Failures {

        @Test
        void aFailingDatabaseIsAMissAndNeverAnException() {
            // A database without the cache table: every statement of the cold tier fails.
            DriverManagerDataSource empty = new DriverManagerDataSource("jdbc:h2:mem:no-cache-table", "sa", "");
            ResultCache cache = new ResultCache(properties(512, "64MB", "1MB"), new JdbcTemplate(empty),
                    new TransactionTemplate(new DataSourceTransactionManager(empty)), meters, time, time);

            cache.storeAll(List.of(store("a", null)));

            assertThat(lookup(cache, key("a"))).map(CachedResult::tier).contains(CacheTier.HOT);
            CompletableFuture<Optional<CachedResult>> missing = cache.lookup(key("b"), INLINE);
            assertThat(missing).isCompleted().isNotCompletedExceptionally();
            assertThat(missing.join()).isEmpty();
            assertThat(cache.stats().coldMisses()).isEqualTo(1);
        }

        @Test
        void aRefusedLookupIsAMiss() {
            ResultCache cache = cache(512, "64MB", "1MB");
            Executor full = task -> {
                throw new RejectedExecutionException("full");
            };

            assertThat(cache.lookup(key("a"), full)).isCompletedWithValue(Optional.empty());
            assertThat(cache.stats().coldMisses()).isEqualTo(1);
        }
    }

    private double lookups(String tier, String result) {
        return meters.get("perfect21.cache.lookups").tag("tier", tier).tag("result", result).functionCounter().count();
    }

    /** Entries of an in-heap tier, as the cache's gauge reports them. */
    private long entries(String tier) {
        return (long) meters.get("perfect21.cache.entries").tag("tier", tier).gauge().value();
    }

    private long warmBytes() {
        return (long) meters.get("perfect21.cache.warm.bytes").gauge().value();
    }

    private ResultCache cache(int hotMaxEntries, String warmMaxBytes, String maxEntryBytes) {
        return new ResultCache(properties(hotMaxEntries, warmMaxBytes, maxEntryBytes), db.jdbc, db.transaction, meters, time, time);
    }

    static CacheProperties properties(int hotMaxEntries, String warmMaxBytes, String maxEntryBytes) {
        return new CacheProperties(hotMaxEntries, DataSize.parse(warmMaxBytes), Duration.ofHours(24), DataSize.parse(maxEntryBytes));
    }

    static CacheKey key(String agent) {
        return CacheKey.of(agent, List.of("simulated:v1", "Do " + agent, "{}"));
    }

    static CacheStore store(String agent, Duration ttl) {
        return new CacheStore(key(agent), new CacheableResult("output of " + agent, 10 + agent.length(), false, null), ttl);
    }

    static Optional<CachedResult> lookup(ResultCache cache, CacheKey key) {
        return lookup(cache, key, INLINE);
    }

    static Optional<CachedResult> lookup(ResultCache cache, CacheKey key, Executor io) {
        return cache.lookup(key, io).join();
    }
}
