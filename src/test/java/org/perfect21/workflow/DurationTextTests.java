package org.perfect21.workflow;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationTextTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"PT2M, 2m", "PT90S, 1m30s", "PT1H30M, 1h30m", "PT0.25S, 250ms", "PT1.5S, 1s500ms", "PT36H, 1d12h",
            "PT1H0.005S, 1h5ms", "PT0S, 0s"})
    void aDefinitionsDurationIsWrittenExactlyInWholeUnits(Duration duration, String text) {
        assertThat(DurationText.of(duration)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} ms is {1}")
    @CsvSource({"0, 0ms", "171, 171ms", "999, 999ms", "1000, 1s", "1234, 1.2s", "12_345, 12.3s", "59_949, 59.9s",
            "59_960, 1m", "125_400, 2m5s", "5_400_000, 1h30m", "3_725_600, 1h2m6s"})
    void aMeasuredDurationIsAsPreciseAsAReaderNeeds(long millis, String text) {
        assertThat(DurationText.ofMillis(millis)).isEqualTo(text);
    }
}
