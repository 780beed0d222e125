package org.perfect21.agent;

import java.time.Duration;

/**
 * Whether an agent's results may be served from the result cache ({@code cache: true}), and for how
 * long ({@code ttl}; null means the platform's default).
 */
public record CachePolicy(boolean enabled, Duration ttl) {

    public static final CachePolicy NONE = new CachePolicy(false, null);
}
