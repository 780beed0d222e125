package org.perfect21.usage;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.usage.PricingProperties.ModelPrice;

import static org.assertj.core.api.Assertions.assertThat;

/** The price table: a model id matched by its longest priced prefix, configured prices over the defaults, unknown models unpriced. */
class ModelPricesTests {

    private final ModelPrices defaults = new ModelPrices(new PricingProperties(Map.of()));

    @Test
    void aDatedModelIdIsPricedByItsLongestPrefix() {
        assertThat(defaults.priceOf("claude-opus-4-5-20251101").input()).isEqualByComparingTo("5");
        assertThat(defaults.priceOf("claude-opus-4-1-20250805").input()).isEqualByComparingTo("15");
        assertThat(defaults.priceOf("gpt-4o-mini-2024-07-18").input()).isEqualByComparingTo("0.15");
        assertThat(defaults.priceOf("gpt-4o-2024-08-06").input()).isEqualByComparingTo("2.50");
    }

    @Test
    void everyTokenKindIsPricedAndAMissingCachePriceIsTheInputPrice() {
        Usage usage = new Usage(2_000_000L, 1_000_000L, 1_000_000L, 1_000_000L, null);

        assertThat(defaults.withCost("claude-haiku-4-5", usage).costUsd()).isEqualByComparingTo("8.35");
        // gpt-4o: cache reads $1.25, no cache-write price (the input price, $2.50).
        assertThat(defaults.withCost("gpt-4o", usage).costUsd()).isEqualByComparingTo("18.75");
    }

    @Test
    void aModelWithoutAPriceAndAnAnswerWithoutTokensStayUnpriced() {
        Usage usage = new Usage(1000L, 10L, null, null, null);

        assertThat(defaults.withCost("llama3.2", usage).costUsd()).isNull();
        assertThat(defaults.withCost(null, usage).costUsd()).isNull();
        assertThat(defaults.withCost("gpt-4o", Usage.UNKNOWN).costUsd()).isNull();
    }

    @Test
    void configuredPricesAddToAndReplaceTheDefaults() {
        ModelPrices prices = new ModelPrices(new PricingProperties(Map.of(
                "llama", new ModelPrice(new BigDecimal("0.01"), new BigDecimal("0.02"), null, null),
                "gpt-4o", new ModelPrice(new BigDecimal("1"), new BigDecimal("1"), null, null))));

        assertThat(prices.withCost("llama3.2", new Usage(1_000_000L, 1_000_000L, null, null, null)).costUsd()).isEqualByComparingTo("0.03");
        assertThat(prices.priceOf("gpt-4o").input()).isEqualByComparingTo("1");
        assertThat(prices.priceOf("gpt-4o-mini").input()).isEqualByComparingTo("0.15");
    }

    @Test
    void tinyCostsKeepTheirDigits() {
        assertThat(defaults.withCost("gpt-5-nano", new Usage(3L, 1L, null, null, null)).costUsd()).isEqualByComparingTo("0.00000055");
    }
}
