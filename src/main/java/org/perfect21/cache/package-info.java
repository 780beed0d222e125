/**
 * Caches. For now only the seam through which the optimizer and memory pressure trim them: a cache
 * that can give memory back is a {@link org.perfect21.cache.Trimmable} bean. It lives here, not in
 * {@code monitor}, so caches used by execution need not depend on monitor (which depends on execution).
 */
package org.perfect21.cache;
