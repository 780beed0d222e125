package org.perfect21.optimizer;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SLO verdicts as a pure function of a window's samples and the targets. */
class SloCheckTests {

    private static final OptimizerProperties.Slo TARGETS =
            new OptimizerProperties.Slo(Duration.ofMillis(800), Duration.ofMillis(1500), 0.95);

    @Test
    void theNinetyFifthPercentileIsTheNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();

        assertThat(Percentiles.of(hundred, 95)).isEqualTo(95);
        assertThat(Percentiles.of(new long[] {7}, 95)).isEqualTo(7);
        assertThat(Percentiles.of(new long[] {30, 10, 20}, 95)).isEqualTo(30);
        assertThat(Percentiles.of(LongStream.rangeClosed(1, 20).toArray(), 95)).isEqualTo(19);
    }

    @Test
    void eachObjectivePassesWhenItsMeasureIsWithinTarget() {
        SloSamples samples = new SloSamples(LongStream.rangeClosed(1, 100).map(i -> i * 7).toArray(),
                new long[] {900, 1000, 1100}, 96, 4, false);

        List<SloCheck.Verdict> verdicts = SloCheck.evaluate(samples, TARGETS);

        assertThat(verdicts).extracting(SloCheck.Verdict::slo)
                .containsExactly(SloCheck.AGENT_P95, SloCheck.RUN_P95, SloCheck.SUCCESS_RATE);
        assertThat(verdicts).extracting(SloCheck.Verdict::outcome).containsExactly("pass", "pass", "pass");
        assertThat(verdicts.get(0).measured()).isEqualTo(665.0);
        assertThat(verdicts.get(0).samples()).isEqualTo(100);
        assertThat(verdicts.get(2).measured()).isEqualTo(0.96);
        assertThat(verdicts.get(2).detail()).isEqualTo("run-success-rate 96.0 % over 100 runs, target at least 95.0 %: pass");
    }

    @Test
    void eachObjectiveFailsOnItsOwn() {
        SloSamples samples = new SloSamples(new long[] {100, 200, 800}, new long[] {1500}, 94, 6, true);

        List<SloCheck.Verdict> verdicts = SloCheck.evaluate(samples, TARGETS);

        assertThat(verdicts).extracting(SloCheck.Verdict::outcome).containsExactly("fail", "fail", "fail");
        assertThat(verdicts.get(0).detail()).isEqualTo("agent-p95-duration 800 ms over 3 samples, target below 800 ms: fail");
        assertThat(verdicts.get(1).inputs(true)).containsEntry("measured", 1500.0).containsEntry("target", 1500.0)
                .containsEntry("sampled", true);
    }

    @Test
    void aWindowWithoutSamplesHasNoData() {
        List<SloCheck.Verdict> verdicts = SloCheck.evaluate(new SloSamples(new long[0], new long[0], 0, 0, false), TARGETS);

        assertThat(verdicts).extracting(SloCheck.Verdict::outcome).containsOnly("no-data");
        assertThat(verdicts).extracting(SloCheck.Verdict::measured).containsOnlyNulls();
    }
}
