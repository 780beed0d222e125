package org.perfect21.optimizer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Memory pressure, as fractions of a heap pool's maximum (the pools the JVM can watch with usage
 * thresholds: the old generation).
 *
 * @param high above it: caches are trimmed and queued runs are held
 * @param low  below it (after a collection): queued runs start again
 */
@ConfigurationProperties("perfect21.memory")
public record MemoryProperties(
        @DefaultValue("0.85") double high,
        @DefaultValue("0.70") double low) {

    public MemoryProperties {
        if (!(low > 0 && low < high && high < 1)) {
            throw new IllegalArgumentException("perfect21.memory needs 0 < low < high < 1, not low=" + low + ", high=" + high);
        }
    }
}
