package org.perfect21.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.cache.ResultCacheTests.key;
import static org.perfect21.cache.ResultCacheTests.lookup;
import static org.perfect21.cache.ResultCacheTests.properties;
import static org.perfect21.cache.ResultCacheTests.store;

/**
 * The cold tier on the Flyway schema (V8): stores go out as one JDBC batch in one transaction, a key
 * stored again replaces its row, rows outlive the process (a new cache instance serves them), and the
 * purge deletes expired rows only, in bounded batches.
 */
class ResultCacheDatabaseTests {

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
    void emptyTable() {
        db.clear();
        time = new FakeTime(Instant.parse("2026-11-28T10:00:00.123456789Z"));
        meters = new SimpleMeterRegistry();
    }

    @Test
    void storeAllWritesOneBatchWithEveryColumn() {
        ResultCache cache = cache();
        List<CacheStore> stores = List.of(
                new CacheStore(key("a"), new CacheableResult("output a", 8, false, 120L), null),
                new CacheStore(key("b"), new CacheableResult("output b, cut", 5_000_000, true, null), Duration.ofHours(1)),
                new CacheStore(key("c"), new CacheableResult("", 0, false, 0L), Duration.ofMinutes(5)));

        cache.storeAll(stores);

        assertThat(db.jdbc.batches).containsExactly(3);
        Map<String, Object> b = db.jdbc.queryForMap("SELECT * FROM P21_RESULT_CACHE WHERE CACHE_KEY = ?", key("b").digest());
        assertThat(b).containsEntry("AGENT", "b").containsEntry("OUTPUT", "output b, cut").containsEntry("OUTPUT_BYTES", 5_000_000L)
                .containsEntry("OUTPUT_TRUNCATED", true).containsEntry("TOKENS", null).containsEntry("HITS", 0L)
                .containsEntry("LAST_HIT_AT", null);
        assertThat(db.jdbc.queryForObject("SELECT EXPIRES_AT FROM P21_RESULT_CACHE WHERE CACHE_KEY = ?", java.time.OffsetDateTime.class,
                key("b").digest()).toInstant()).isEqualTo(time.instant().plus(Duration.ofHours(1)));
        assertThat(db.rows()).isEqualTo(3);
    }

    @Test
    void aBatchIsOneTransaction() {
        // A row the database refuses takes the whole batch with it; the heap tiers still hold both results.
        db.jdbc.execute("ALTER TABLE P21_RESULT_CACHE ADD CONSTRAINT P21_TEST_NO_REFUSED CHECK (AGENT <> 'refused')");
        try {
            ResultCache cache = cache();
            cache.storeAll(List.of(store("accepted", null), store("refused", null)));

            assertThat(db.rows()).isZero();
            assertThat(lookup(cache, key("accepted"))).map(CachedResult::tier).contains(CacheTier.HOT);
        } finally {
            db.jdbc.execute("ALTER TABLE P21_RESULT_CACHE DROP CONSTRAINT P21_TEST_NO_REFUSED");
        }
    }

    @Test
    void aKeyStoredAgainReplacesItsRow() {
        ResultCache cache = cache();
        cache.storeAll(List.of(new CacheStore(key("a"), new CacheableResult("first", 5, false, 1L), Duration.ofHours(1))));
        cache.trim();
        assertThat(lookup(cache, key("a"))).map(CachedResult::tier).contains(CacheTier.COLD);
        time.advance(Duration.ofMinutes(10));

        cache.storeAll(List.of(new CacheStore(key("a"), new CacheableResult("second", 6, true, 2L), Duration.ofHours(2))));

        assertThat(db.rows()).isEqualTo(1);
        assertThat(db.jdbc.queryForMap("SELECT OUTPUT, OUTPUT_BYTES, OUTPUT_TRUNCATED, TOKENS, HITS FROM P21_RESULT_CACHE"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("OUTPUT", "second", "OUTPUT_BYTES", 6L, "OUTPUT_TRUNCATED", true,
                        "TOKENS", 2L, "HITS", 0L));
        Optional<CachedResult> restarted = lookup(restart(), key("a"));
        assertThat(restarted).contains(new CachedResult(new CacheableResult("second", 6, true, 2L), CacheTier.COLD,
                time.instant(), time.instant().plus(Duration.ofHours(2))));
    }

    @Test
    void storedResultsOutliveTheProcess() throws Exception {
        cache().storeAll(List.of(
                new CacheStore(key("a"), new CacheableResult("output a", 8, false, 120L), Duration.ofHours(3)),
                new CacheStore(key("b"), new CacheableResult("output b", 8, true, null), null)));
        Instant storedAt = time.instant();
        time.advance(Duration.ofHours(1));

        ResultCache restarted = restart();
        // A real executor, as execution passes its own: the lookup completes there.
        ExecutorService io = Executors.newSingleThreadExecutor();
        try {
            Optional<CachedResult> a = restarted.lookup(key("a"), io).get();
            Optional<CachedResult> b = restarted.lookup(key("b"), io).get();

            assertThat(a).contains(new CachedResult(new CacheableResult("output a", 8, false, 120L), CacheTier.COLD, storedAt,
                    storedAt.plus(Duration.ofHours(3))));
            assertThat(b).contains(new CachedResult(new CacheableResult("output b", 8, true, null), CacheTier.COLD, storedAt,
                    storedAt.plus(Duration.ofHours(24))));
            assertThat(restarted.lookup(key("a"), io).get()).map(CachedResult::tier).contains(CacheTier.HOT);
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void purgeExpiredDeletesOnlyExpiredRows() {
        ResultCache cache = cache();
        List<CacheStore> stores = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            stores.add(store("short-" + i, Duration.ofHours(1)));
        }
        for (int i = 0; i < 3; i++) {
            stores.add(store("long-" + i, Duration.ofHours(3)));
        }
        cache.storeAll(stores);
        time.advance(Duration.ofHours(1));

        // More than one bounded batch (ColdTier.PURGE_BATCH rows each).
        assertThat(cache.purgeExpired()).isEqualTo(2_500);

        assertThat(db.jdbc.queryForList("SELECT AGENT FROM P21_RESULT_CACHE", String.class))
                .containsExactlyInAnyOrder("long-0", "long-1", "long-2");
        assertThat(cache.purgeExpired()).isZero();
        cache.trim();
        assertThat(lookup(cache, key("long-1"))).map(CachedResult::tier).contains(CacheTier.COLD);
    }

    @Test
    void theCountersMove() {
        ResultCache cache = cache();
        cache.storeAll(List.of(store("a", null), store("b", null),
                new CacheStore(key("big"), new CacheableResult("z".repeat(2_000_000), 2_000_000, false, null), null)));
        cache.trim();

        lookup(cache, key("a"));
        lookup(cache, key("a"));
        lookup(cache, key("missing"));

        assertThat(cache.stats()).isEqualTo(new CacheStats(1, 2, 0, 2, 1, 1, 2, 1));
        assertThat(meters.get("perfect21.cache.stores").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("perfect21.cache.skipped").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("perfect21.cache.lookups").tag("tier", "cold").tag("result", "hit").functionCounter().count()).isEqualTo(1);
        assertThat(db.jdbc.queryForObject("SELECT SUM(HITS) FROM P21_RESULT_CACHE", Long.class)).isEqualTo(1);
    }

    @Test
    void invalidateForgetsAKeyEverywhere() {
        ResultCache cache = cache();
        cache.storeAll(List.of(store("a", null), store("b", null)));

        cache.invalidate(key("a"));

        assertThat(lookup(cache, key("a"))).isEmpty();
        assertThat(lookup(cache, key("b"))).isPresent();
        assertThat(db.rows()).isEqualTo(1);
    }

    private ResultCache cache() {
        return new ResultCache(properties(512, "64MB", "1MB"), db.jdbc, db.transaction, meters, time, time);
    }

    /** A new instance on the same database, as after a restart: empty heap tiers, counts from zero. */
    private ResultCache restart() {
        return new ResultCache(properties(512, "64MB", "1MB"), db.jdbc, db.transaction, new SimpleMeterRegistry(), time, time);
    }
}
