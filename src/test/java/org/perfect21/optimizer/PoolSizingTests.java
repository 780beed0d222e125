package org.perfect21.optimizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Pool sizing as a pure function: shrink below 30 %, grow above 80 %, within bounds, never below 1. */
class PoolSizingTests {

    private static PoolSizing.Outcome decide(int threads, double utilization, int min, int max) {
        return PoolSizing.decide(new PoolSizing.Inputs(threads, utilization, min, max));
    }

    @ParameterizedTest(name = "{0} threads at {1} -> {2} ({3})")
    @CsvSource({
            "16, 0.10, 11, shrink",   // 16 × 0.7 = 11.2, rounded down
            "16, 0.2999, 11, shrink",
            "16, 0.30, 16, keep",     // the band's edges keep
            "16, 0.55, 16, keep",
            "16, 0.80, 16, keep",
            "16, 0.8001, 21, grow",   // 16 × 1.3 = 20.8, rounded up
            "16, 1.70, 21, grow",     // agents also used idle run-slot threads
            "10, 0.0, 7, shrink"})
    void shrinksBelowThirtyAndGrowsAboveEightyPercent(int threads, double utilization, int expected, String outcome) {
        PoolSizing.Outcome decided = decide(threads, utilization, 4, 256);

        assertThat(decided.to()).isEqualTo(expected);
        assertThat(decided.from()).isEqualTo(threads);
        assertThat(decided.outcome()).isEqualTo(outcome);
    }

    @Test
    void staysWithinTheConfiguredBounds() {
        assertThat(decide(5, 0.0, 4, 256).to()).as("5 × 0.7 = 3.5 is below the minimum").isEqualTo(4);
        assertThat(decide(4, 0.0, 4, 256)).satisfies(d -> {
            assertThat(d.to()).isEqualTo(4);
            assertThat(d.outcome()).isEqualTo("keep");
            assertThat(d.reason()).contains("bounded to 4..256");
        });
        assertThat(decide(250, 0.95, 4, 256).to()).as("250 × 1.3 is above the maximum").isEqualTo(256);
        assertThat(decide(256, 0.95, 4, 256).outcome()).isEqualTo("keep");
    }

    @Test
    void aSizeOutsideTheBoundsIsBroughtIntoThemEvenWithinTheBand() {
        assertThat(decide(2, 0.5, 4, 256)).satisfies(d -> {
            assertThat(d.to()).isEqualTo(4);
            assertThat(d.outcome()).isEqualTo("grow");
        });
        assertThat(decide(300, 0.5, 4, 256).to()).isEqualTo(256);
    }

    @Test
    void neverGoesBelowOneThreadAndOneThreadCanGrow() {
        assertThat(decide(1, 0.0, 0, 10).to()).isEqualTo(1);
        assertThat(decide(1, 0.9, 1, 10).to()).as("1 × 1.3 rounds up to 2").isEqualTo(2);
        assertThat(decide(2, 0.1, 1, 10).to()).as("2 × 0.7 rounds down to 1").isEqualTo(1);
    }

    @Test
    void theReasonNamesTheUtilizationAndTheBand() {
        assertThat(decide(16, 0.123, 4, 256).reason()).isEqualTo("utilization 12.3 % below 30.0 %");
        assertThat(decide(16, 0.5, 4, 256).reason()).isEqualTo("utilization 50.0 % within 30.0 %..80.0 %");
        assertThat(decide(16, 0.9, 4, 256).reason()).isEqualTo("utilization 90.0 % above 80.0 %");
    }
}
