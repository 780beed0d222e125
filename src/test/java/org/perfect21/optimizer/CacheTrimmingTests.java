package org.perfect21.optimizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The optimizer trims caches while memory is short, and only then. */
class CacheTrimmingTests {

    @Test
    void trimsUnderPressureOrAboveTheHighMark() {
        assertThat(CacheTrimming.decide(new CacheTrimming.Inputs(true, 0.5, 0.85)))
                .isEqualTo(new CacheTrimming.Outcome(true, "memory pressure is on"));
        assertThat(CacheTrimming.decide(new CacheTrimming.Inputs(false, 0.9, 0.85)))
                .isEqualTo(new CacheTrimming.Outcome(true, "heap at 90.0 %, above the high mark 85.0 %"));
    }

    @Test
    void keepsCachesOtherwise() {
        assertThat(CacheTrimming.decide(new CacheTrimming.Inputs(false, 0.4, 0.85)))
                .isEqualTo(new CacheTrimming.Outcome(false, "heap at 40.0 %, below the high mark 85.0 %"));
        assertThat(CacheTrimming.decide(new CacheTrimming.Inputs(false, -1, 0.85)).trim()).isFalse();
    }
}
