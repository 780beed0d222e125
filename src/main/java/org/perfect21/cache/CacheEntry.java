package org.perfect21.cache;

import java.time.Instant;

/** A stored result as the tiers hold it. */
record CacheEntry(String agent, CacheableResult result, Instant storedAt, Instant expiresAt) {

    /** Fixed cost of an entry in the heap besides its text: the records, the key and the cache's node. */
    static final int HEAP_OVERHEAD_BYTES = 256;

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** What the entry costs in the heap: its output as UTF-16 plus the fixed overhead (Caffeine weighs in ints). */
    int heapBytes() {
        long chars = result.output() == null ? 0 : result.output().length();
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + HEAP_OVERHEAD_BYTES);
    }

    CachedResult servedFrom(CacheTier tier) {
        return new CachedResult(result, tier, storedAt, expiresAt);
    }

    /** Of two entries for one key, the one stored last wins (a late promotion must not undo a newer store). */
    static CacheEntry newer(CacheEntry current, CacheEntry candidate) {
        return candidate.storedAt.isBefore(current.storedAt) ? current : candidate;
    }
}
