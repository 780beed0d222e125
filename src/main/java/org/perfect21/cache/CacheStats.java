package org.perfect21.cache;

/**
 * Lookups by tier and outcome, and stores, since this process started. A lookup that hits cold counts a
 * hot miss, a warm miss and a cold hit.
 *
 * @param skipped results not stored because they were larger than {@code perfect21.cache.max-entry-bytes}
 */
public record CacheStats(long hotHits, long hotMisses, long warmHits, long warmMisses, long coldHits, long coldMisses,
                         long stores, long skipped) {
}
