/**
 * Caches. The seam through which the optimizer and memory pressure trim them: a cache that can give memory back
 * is a {@link org.perfect21.cache.Trimmable} bean. And the agent-result cache, {@link org.perfect21.cache.ResultCache}:
 * hot and warm tiers in the heap (Caffeine), a cold tier in the database ({@code P21_RESULT_CACHE}). Any feature may
 * offer a cache, so this module depends on none.
 */
@ApplicationModule(displayName = "Caches", allowedDependencies = {})
package org.perfect21.cache;

import org.springframework.modulith.ApplicationModule;
