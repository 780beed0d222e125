package org.perfect21.context;

/**
 * The limits of one run's context.
 *
 * @param maxBytes      bytes (UTF-8) of all entries together
 * @param maxTokens     estimated tokens of all entries together
 * @param bytesPerToken the estimate used when an agent reports no usage
 * @param entryMaxShare the largest share of either limit one entry may take
 */
public record ContextBudget(long maxBytes, long maxTokens, int bytesPerToken, double entryMaxShare) {

    public ContextBudget {
        if (maxBytes < 1 || maxTokens < 1 || bytesPerToken < 1 || entryMaxShare <= 0 || entryMaxShare > 1) {
            throw new IllegalArgumentException("invalid context budget: " + maxBytes + " B, " + maxTokens + " tokens");
        }
    }

    long estimateTokens(long bytes) {
        return (bytes + bytesPerToken - 1) / bytesPerToken;
    }

    long entryMaxBytes() {
        return Math.max(1, (long) (maxBytes * entryMaxShare));
    }

    long entryMaxTokens() {
        return Math.max(1, (long) (maxTokens * entryMaxShare));
    }
}
