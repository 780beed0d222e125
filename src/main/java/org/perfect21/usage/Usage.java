package org.perfect21.usage;

import java.math.BigDecimal;

/**
 * Tokens and cost of one agent attempt or of a whole run; each figure is null where it is unknown (a kind that
 * reports no usage, a model without a price). Sums keep a figure unknown only when every part is unknown.
 *
 * @param inputTokens      prompt tokens not read from the provider's prompt cache
 * @param outputTokens     generated tokens
 * @param cacheReadTokens  prompt tokens read from the provider's prompt cache
 * @param cacheWriteTokens prompt tokens written to the provider's prompt cache
 * @param costUsd          what the call cost in US dollars
 */
public record Usage(Long inputTokens, Long outputTokens, Long cacheReadTokens, Long cacheWriteTokens, BigDecimal costUsd) {

    public static final Usage UNKNOWN = new Usage(null, null, null, null, null);

    public Usage withCost(BigDecimal cost) {
        return new Usage(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, cost);
    }

    /** All tokens the call counted (input, output and both cache figures), or null when none is known. */
    public Long totalTokens() {
        return add(add(inputTokens, outputTokens), add(cacheReadTokens, cacheWriteTokens));
    }

    public boolean hasNoFigure() {
        return inputTokens == null && outputTokens == null && cacheReadTokens == null && cacheWriteTokens == null
                && costUsd == null;
    }

    public Usage plus(Usage other) {
        if (other == null) {
            return this;
        }
        return new Usage(add(inputTokens, other.inputTokens), add(outputTokens, other.outputTokens),
                add(cacheReadTokens, other.cacheReadTokens), add(cacheWriteTokens, other.cacheWriteTokens),
                costUsd == null ? other.costUsd : other.costUsd == null ? costUsd : costUsd.add(other.costUsd));
    }

    private static Long add(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Long.valueOf(a + b);
    }
}
