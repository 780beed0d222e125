package org.perfect21.usage;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prices of models, in US dollars per million tokens ({@code perfect21.pricing.<model>.input}, {@code .output},
 * {@code .cache-read}, {@code .cache-write}). A model id is matched by its longest configured prefix, so
 * {@code claude-sonnet-4-5} prices {@code claude-sonnet-4-5-20250929}; entries here add to and replace the
 * {@linkplain ModelPrices#DEFAULTS defaults}. A model id with a dot goes in brackets:
 * {@code perfect21.pricing.[gpt-4.1].input=2}.
 *
 * @param pricing prices by model id or id prefix
 */
@ConfigurationProperties("perfect21")
public record PricingProperties(Map<String, ModelPrice> pricing) {

    public PricingProperties {
        pricing = pricing == null ? Map.of() : Map.copyOf(pricing);
    }

    /**
     * One model's prices per million tokens; a cache price that is not given is the input price.
     *
     * @param input      prompt tokens not read from the provider's cache
     * @param output     generated tokens
     * @param cacheRead  prompt tokens read from the cache
     * @param cacheWrite prompt tokens written to the cache
     */
    public record ModelPrice(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {

        public static ModelPrice of(String input, String output, String cacheRead, String cacheWrite) {
            return new ModelPrice(new BigDecimal(input), new BigDecimal(output), cacheRead == null ? null : new BigDecimal(cacheRead),
                    cacheWrite == null ? null : new BigDecimal(cacheWrite));
        }
    }
}
