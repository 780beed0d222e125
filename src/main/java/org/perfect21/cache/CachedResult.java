package org.perfect21.cache;

import java.time.Instant;

/** A hit: the result, the tier that served it, when it was stored and when it expires. */
public record CachedResult(CacheableResult result, CacheTier tier, Instant storedAt, Instant expiresAt) {
}
