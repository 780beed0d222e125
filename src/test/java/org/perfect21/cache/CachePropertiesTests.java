package org.perfect21.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that cannot work stop the start with a message naming the property. */
class CachePropertiesTests {

    @Test
    void theDefaultTtlMustBePositive() {
        assertThatThrownBy(() -> new CacheProperties(512, DataSize.ofMegabytes(64), Duration.ZERO, DataSize.ofMegabytes(1)))
                .hasMessageContaining("perfect21.cache.default-ttl");
    }

    @Test
    void sizesMustBeSizes() {
        assertThatThrownBy(() -> new CacheProperties(512, DataSize.ofBytes(-1), Duration.ofHours(1), DataSize.ofMegabytes(1)))
                .hasMessageContaining("perfect21.cache.warm-max-bytes");
        assertThatThrownBy(() -> new CacheProperties(512, DataSize.ofMegabytes(64), Duration.ofHours(1), DataSize.ofBytes(0)))
                .hasMessageContaining("perfect21.cache.max-entry-bytes");
    }
}
