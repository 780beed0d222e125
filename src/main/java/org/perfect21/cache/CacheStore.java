package org.perfect21.cache;

import java.time.Duration;

/** One result to store. {@code ttl} null means {@code perfect21.cache.default-ttl}; zero or negative stores nothing. */
public record CacheStore(CacheKey key, CacheableResult result, Duration ttl) {
}
