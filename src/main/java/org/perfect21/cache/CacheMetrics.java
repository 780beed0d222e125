package org.perfect21.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The cache's counts: kept here for {@link ResultCache#stats()}, and read by Micrometer when a registry is given. */
final class CacheMetrics {

    private final Map<CacheTier, LongAdder> hits = new EnumMap<>(CacheTier.class);
    private final Map<CacheTier, LongAdder> misses = new EnumMap<>(CacheTier.class);
    private final LongAdder stores = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    CacheMetrics(MeterRegistry registry, HeapTiers heap) {
        for (CacheTier tier : CacheTier.values()) {
            hits.put(tier, new LongAdder());
            misses.put(tier, new LongAdder());
        }
        if (registry == null) {
            return;
        }
        for (CacheTier tier : CacheTier.values()) {
            lookups(registry, tier, "hit", hits.get(tier));
            lookups(registry, tier, "miss", misses.get(tier));
        }
        FunctionCounter.builder("perfect21.cache.stores", stores, LongAdder::sum)
                .description("agent results stored in the result cache").register(registry);
        FunctionCounter.builder("perfect21.cache.skipped", skipped, LongAdder::sum)
                .description("agent results not cached: larger than perfect21.cache.max-entry-bytes").register(registry);
        Gauge.builder("perfect21.cache.entries", heap, HeapTiers::hotEntries).tag("tier", CacheTier.HOT.tag())
                .description("entries in an in-heap tier of the result cache").register(registry);
        Gauge.builder("perfect21.cache.entries", heap, HeapTiers::warmEntries).tag("tier", CacheTier.WARM.tag())
                .description("entries in an in-heap tier of the result cache").register(registry);
        Gauge.builder("perfect21.cache.warm.bytes", heap, HeapTiers::warmBytes).baseUnit("bytes")
                .description("weight of the result cache's warm tier").register(registry);
    }

    private static void lookups(MeterRegistry registry, CacheTier tier, String result, LongAdder count) {
        FunctionCounter.builder("perfect21.cache.lookups", count, LongAdder::sum).tag("tier", tier.tag()).tag("result", result)
                .description("result cache lookups by tier and outcome").register(registry);
    }

    void lookedUp(CacheTier tier, boolean hit) {
        (hit ? hits : misses).get(tier).increment();
    }

    void stored(int results) {
        stores.add(results);
    }

    void skipped() {
        skipped.increment();
    }

    CacheStats stats() {
        return new CacheStats(hits.get(CacheTier.HOT).sum(), misses.get(CacheTier.HOT).sum(),
                hits.get(CacheTier.WARM).sum(), misses.get(CacheTier.WARM).sum(),
                hits.get(CacheTier.COLD).sum(), misses.get(CacheTier.COLD).sum(), stores.sum(), skipped.sum());
    }
}
