package org.perfect21.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The two in-heap tiers: hot, bounded by entry count, and warm, bounded by bytes. An entry the hot tier
 * evicts for size moves to the warm tier; a warm hit moves back to hot. Both expire each entry at its own
 * {@code expiresAt}. Caffeine runs its maintenance on the calling thread ({@code executor(Runnable::run)}):
 * it never uses the common pool, and the platform keeps to its one managed executor.
 */
final class HeapTiers {

    private final Clock clock;
    private final Cache<CacheKey, CacheEntry> warm;
    private final Cache<CacheKey, CacheEntry> hot;

    HeapTiers(int hotMaxEntries, long warmMaxBytes, Clock clock, Ticker ticker) {
        this.clock = clock;
        Expiry<CacheKey, CacheEntry> untilExpiresAt = new UntilExpiresAt(clock);
        this.warm = Caffeine.newBuilder()
                .maximumWeight(warmMaxBytes)
                .weigher((CacheKey key, CacheEntry entry) -> entry.heapBytes())
                .expireAfter(untilExpiresAt)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        this.hot = Caffeine.newBuilder()
                .maximumSize(hotMaxEntries)
                .expireAfter(untilExpiresAt)
                .ticker(ticker)
                .executor(Runnable::run)
                // Synchronous, inside the eviction: the entry is in warm before anyone can miss it in both.
                .evictionListener((CacheKey key, CacheEntry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && key != null && entry != null && !entry.expiredAt(clock.instant())) {
                        warm.asMap().merge(key, entry, CacheEntry::newer);
                    }
                })
                .build();
    }

    /** The live hot entry for the key, or null. */
    CacheEntry hot(CacheKey key, Instant now) {
        return live(hot, key, now);
    }

    /** The live warm entry for the key, moved to the hot tier; or null. */
    CacheEntry takeWarm(CacheKey key, Instant now) {
        CacheEntry entry = warm.asMap().remove(key);
        if (entry == null || entry.expiredAt(now)) {
            return null;
        }
        promote(key, entry);
        return entry;
    }

    /** Puts an entry found in a lower tier into the hot tier, unless a newer one got there first. */
    void promote(CacheKey key, CacheEntry entry) {
        hot.asMap().merge(key, entry, CacheEntry::newer);
    }

    /** Stores a new result: hot holds it, and a warm copy of an older result for the key goes. */
    void put(CacheKey key, CacheEntry entry) {
        warm.invalidate(key);
        hot.put(key, entry);
    }

    void invalidate(CacheKey key) {
        hot.invalidate(key);
        warm.invalidate(key);
    }

    /** Drops every entry of both tiers (explicit removals are not demoted); says how many there were. */
    long clear() {
        hot.cleanUp();
        warm.cleanUp();
        long dropped = hot.estimatedSize() + warm.estimatedSize();
        hot.invalidateAll();
        warm.invalidateAll();
        return dropped;
    }

    /** Lets Caffeine drop what has expired now rather than on later reads and writes. */
    void cleanUp() {
        hot.cleanUp();
        warm.cleanUp();
    }

    long hotEntries() {
        return hot.estimatedSize();
    }

    long warmEntries() {
        return warm.estimatedSize();
    }

    long warmBytes() {
        return warm.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    // Caffeine expires by its ticker; the check against the clock as well keeps an entry past its
    // expiresAt from being served should the two disagree.
    private static CacheEntry live(Cache<CacheKey, CacheEntry> tier, CacheKey key, Instant now) {
        CacheEntry entry = tier.getIfPresent(key);
        if (entry != null && entry.expiredAt(now)) {
            tier.asMap().remove(key, entry);
            return null;
        }
        return entry;
    }

    /** Each entry lives until its own expiresAt, wherever it moves; reads do not extend it. */
    private record UntilExpiresAt(Clock clock) implements Expiry<CacheKey, CacheEntry> {

        // Caffeine treats anything beyond about 146 years as never; a longer Duration would overflow nanos.
        private static final long FOREVER = Long.MAX_VALUE >> 1;

        @Override
        public long expireAfterCreate(CacheKey key, CacheEntry entry, long currentTime) {
            Duration left = Duration.between(clock.instant(), entry.expiresAt());
            if (left.isNegative()) {
                return 0;
            }
            return left.compareTo(Duration.ofNanos(FOREVER)) >= 0 ? FOREVER : left.toNanos();
        }

        @Override
        public long expireAfterUpdate(CacheKey key, CacheEntry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(CacheKey key, CacheEntry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
