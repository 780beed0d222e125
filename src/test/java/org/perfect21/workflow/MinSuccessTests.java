package org.perfect21.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MinSuccessTests {

    @Test
    void aCountRequiresThatManyAgents() {
        // given
        MinSuccess three = new MinSuccess(3, null);

        // when / then
        assertThat(three.requiredOf(5)).isEqualTo(3);
    }

    @Test
    void aCountAboveTheNumberOfAgentsRequiresEveryAgent() {
        // given
        MinSuccess five = new MinSuccess(5, null);

        // when / then
        assertThat(five.requiredOf(3)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}% of {1} agents requires {2}")
    @CsvSource({
            "80, 5, 4",
            "50, 3, 2",
            "34, 3, 2",
            "33, 3, 1",
            "1, 200, 2",
            "70, 10, 7",
            "100, 7, 7",
            "0, 5, 0"
    })
    void aPercentageRoundsUpToWholeAgents(int percent, int agents, int required) {
        // given
        MinSuccess minSuccess = new MinSuccess(null, percent);

        // when / then
        assertThat(minSuccess.requiredOf(agents)).isEqualTo(required);
    }

    @Test
    void allRequiresEveryAgent() {
        assertThat(MinSuccess.ALL.requiredOf(7)).isEqualTo(7);
        assertThat(MinSuccess.ALL.requiredOf(1)).isEqualTo(1);
        assertThat(MinSuccess.ALL.requiredOf(0)).isZero();
    }

    @Test
    void countsPercentagesAndAllAreParsed() {
        assertThat(MinSuccess.parse(3L)).isEqualTo(new MinSuccess(3, null));
        assertThat(MinSuccess.parse("80%")).isEqualTo(new MinSuccess(null, 80));
        assertThat(MinSuccess.parse(" 50 % ")).isEqualTo(new MinSuccess(null, 50));
        assertThat(MinSuccess.parse("all")).isEqualTo(MinSuccess.ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"150%", "-1%", "abc%", "12.5%", "most", ""})
    void textThatIsNeitherACountNorAPercentageIsNotParsed(String text) {
        assertThat(MinSuccess.parse(text)).isNull();
    }

    @Test
    void aNegativeCountIsNotParsed() {
        assertThat(MinSuccess.parse(-1L)).isNull();
    }

    @Test
    void itPrintsAsWritten() {
        assertThat(new MinSuccess(2, null)).hasToString("2");
        assertThat(new MinSuccess(null, 80)).hasToString("80%");
    }
}
