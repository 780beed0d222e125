package org.perfect21.cache;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache's settings bind from perfect21.cache.*; settings that cannot work stop the start naming the property. */
class CachePropertiesTests {

    @Test
    void propertiesAreBoundFromPerfect21CacheWithDefaultsForTheRest() {
        MapConfigurationPropertySource given = new MapConfigurationPropertySource(Map.of(
                "perfect21.cache.hot-max-entries", "3", "perfect21.cache.default-ttl", "2h", "perfect21.cache.max-entry-bytes", "64KB"));

        CacheProperties bound = new Binder(given).bindOrCreate("perfect21.cache", CacheProperties.class);

        assertThat(bound).isEqualTo(new CacheProperties(3, DataSize.ofMegabytes(64), Duration.ofHours(2), DataSize.ofKilobytes(64)));
    }

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
