package org.perfect21.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.perfect21.testing.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache as the application builds it: its default settings, the Flyway table, the meters in the application's
 * registry, the agent executor as the I/O executor, and the trimmer. (Binding perfect21.cache.*: CachePropertiesTests.)
 */
@EngineTest
class ResultCacheApplicationTests {

    @Autowired
    ResultCache cache;
    @Autowired
    CacheProperties properties;
    @Autowired
    CacheTrimmer trimmer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("agentExecutor")
    Executor agentExecutor;

    @Test
    void theApplicationsCacheHasTheDefaultSettings() {
        assertThat(properties).isEqualTo(new CacheProperties(512, DataSize.ofMegabytes(64), Duration.ofHours(24), DataSize.ofMegabytes(1)));
    }

    @Test
    void aResultStoredIsServedAgainAfterTheTrimmerEmptiedTheHeap() throws Exception {
        CacheKey key = CacheKey.of("application-test", List.of("simulated", "Say hello", "{}"));
        cache.storeAll(List.of(new CacheStore(key, new CacheableResult("hello", 5, false, 7L), null)));

        assertThat(trimmer.trimAll()).contains(new CacheTrimmer.Trimmed("agent-results", 1));
        Optional<CachedResult> hit = cache.lookup(key, agentExecutor).get();

        assertThat(hit).map(CachedResult::tier).contains(CacheTier.COLD);
        assertThat(hit.get().expiresAt()).isEqualTo(hit.get().storedAt().plus(Duration.ofHours(24)));
        assertThat(jdbc.queryForObject("SELECT HITS FROM P21_RESULT_CACHE WHERE CACHE_KEY = ?", Long.class, key.digest())).isEqualTo(1);
        assertThat(meters.get("perfect21.cache.lookups").tag("tier", "cold").tag("result", "hit").functionCounter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("perfect21.cache.entries").tag("tier", "hot").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.find("perfect21.cache.warm.bytes").gauge()).isNotNull();
        assertThat(meters.find("perfect21.cache.stores").functionCounter()).isNotNull();
        assertThat(meters.find("perfect21.cache.skipped").functionCounter()).isNotNull();
    }
}
