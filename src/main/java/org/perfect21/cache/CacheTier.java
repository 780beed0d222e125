package org.perfect21.cache;

import java.util.Locale;

/** Where a cached result was found: in the heap by count (hot), in the heap by bytes (warm), or in the database (cold). */
public enum CacheTier {
    HOT, WARM, COLD;

    /** The tier's name in metric tags. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
