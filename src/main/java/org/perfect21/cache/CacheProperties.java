package org.perfect21.cache;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The agent-result cache.
 *
 * @param hotMaxEntries entries in the hot tier; beyond it the least useful move to the warm tier
 * @param warmMaxBytes  size of the warm tier (outputs as UTF-16 in the heap, plus a fixed overhead per entry)
 * @param defaultTtl    how long a result is served when its agent sets no {@code ttl}
 * @param maxEntryBytes results whose output is larger (UTF-8) are not cached
 */
@Validated
@ConfigurationProperties("perfect21.cache")
public record CacheProperties(
        @DefaultValue("512") @Min(1) @Max(10_000_000) int hotMaxEntries,
        @DefaultValue("64MB") DataSize warmMaxBytes,
        @DefaultValue("24h") Duration defaultTtl,
        @DefaultValue("1MB") DataSize maxEntryBytes) {

    public CacheProperties {
        if (warmMaxBytes == null || warmMaxBytes.isNegative()) {
            throw new IllegalArgumentException("perfect21.cache.warm-max-bytes must be a size such as 64MB (0 turns the warm tier off),"
                    + " not " + warmMaxBytes);
        }
        if (defaultTtl == null || defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException("perfect21.cache.default-ttl must be a positive duration such as 24h, not " + defaultTtl);
        }
        if (maxEntryBytes == null || maxEntryBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("perfect21.cache.max-entry-bytes must be a positive size such as 1MB, not "
                    + maxEntryBytes);
        }
    }
}
