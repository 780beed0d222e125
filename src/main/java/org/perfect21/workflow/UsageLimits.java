package org.perfect21.workflow;

import java.math.BigDecimal;

/**
 * A workflow's {@code limits}: once a run's agents have used more than either, no further agent starts and the run
 * fails naming the limit.
 *
 * @param maxCostUsd what the run may cost in US dollars, or null for no limit
 * @param maxTokens  the tokens (input, output and prompt-cache) the run may use, or null for no limit
 */
public record UsageLimits(BigDecimal maxCostUsd, Long maxTokens) {

    public static final UsageLimits NONE = new UsageLimits(null, null);

    public boolean any() {
        return maxCostUsd != null || maxTokens != null;
    }
}
