package org.perfect21.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.perfect21.usage.PricingProperties.ModelPrice;
import org.springframework.stereotype.Component;

/**
 * What a model call cost, from the tokens it reported and the price table: the defaults below (list prices of
 * current models when this was written) with {@code perfect21.pricing.*} on top. A model the table does not know
 * costs null, never 0: an unknown price must not look free.
 */
@Component
public class ModelPrices {

    /** List prices in US dollars per million tokens: input, output, cache read, cache write. */
    public static final Map<String, ModelPrice> DEFAULTS = Map.ofEntries(
            Map.entry("claude-opus-4-5", ModelPrice.of("5", "25", "0.50", "6.25")),
            Map.entry("claude-opus-4-1", ModelPrice.of("15", "75", "1.50", "18.75")),
            Map.entry("claude-opus-4", ModelPrice.of("15", "75", "1.50", "18.75")),
            Map.entry("claude-sonnet-4", ModelPrice.of("3", "15", "0.30", "3.75")),
            Map.entry("claude-3-7-sonnet", ModelPrice.of("3", "15", "0.30", "3.75")),
            Map.entry("claude-haiku-4-5", ModelPrice.of("1", "5", "0.10", "1.25")),
            Map.entry("claude-3-5-haiku", ModelPrice.of("0.80", "4", "0.08", "1")),
            Map.entry("gpt-5", ModelPrice.of("1.25", "10", "0.125", null)),
            Map.entry("gpt-5-mini", ModelPrice.of("0.25", "2", "0.025", null)),
            Map.entry("gpt-5-nano", ModelPrice.of("0.05", "0.40", "0.005", null)),
            Map.entry("gpt-4.1", ModelPrice.of("2", "8", "0.50", null)),
            Map.entry("gpt-4.1-mini", ModelPrice.of("0.40", "1.60", "0.10", null)),
            Map.entry("gpt-4.1-nano", ModelPrice.of("0.10", "0.40", "0.025", null)),
            Map.entry("gpt-4o", ModelPrice.of("2.50", "10", "1.25", null)),
            Map.entry("gpt-4o-mini", ModelPrice.of("0.15", "0.60", "0.075", null)));

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, ModelPrice> prices;

    public ModelPrices(PricingProperties properties) {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(DEFAULTS);
        merged.putAll(properties.pricing());
        this.prices = Map.copyOf(merged);
    }

    /** The price of {@code model}: the entry whose id is the longest prefix of it, or null. */
    public ModelPrice priceOf(String model) {
        if (model == null) {
            return null;
        }
        String best = null;
        for (String id : prices.keySet()) {
            if (model.startsWith(id) && (best == null || id.length() > best.length())) {
                best = id;
            }
        }
        return best == null ? null : prices.get(best);
    }

    /** {@code usage} with its cost from the table; unchanged when the model has no price or no token is known. */
    public Usage withCost(String model, Usage usage) {
        ModelPrice price = priceOf(model);
        if (price == null || price.input() == null || price.output() == null || usage.totalTokens() == null) {
            return usage;
        }
        BigDecimal cost = times(usage.inputTokens(), price.input())
                .add(times(usage.outputTokens(), price.output()))
                .add(times(usage.cacheReadTokens(), price.cacheRead() == null ? price.input() : price.cacheRead()))
                .add(times(usage.cacheWriteTokens(), price.cacheWrite() == null ? price.input() : price.cacheWrite()));
        // Dollars to 1e-8: finer than the history keeps (DECIMAL(12, 6)), so sums of many small calls stay right.
        BigDecimal dollars = cost.divide(MILLION).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return usage.withCost(dollars.scale() < 0 ? dollars.setScale(0) : dollars);
    }

    private static BigDecimal times(Long tokens, BigDecimal perMillion) {
        return tokens == null ? BigDecimal.ZERO : perMillion.multiply(BigDecimal.valueOf(tokens));
    }
}
