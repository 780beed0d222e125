package org.perfect21.execution.live;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;

import org.perfect21.usage.Usage;
import org.perfect21.workflow.UsageLimits;

/**
 * What a run's agents have used so far against its workflow's {@code limits}. Agents add their usage as they end
 * (from any thread); once a limit is passed it stays passed, and no further agent of the run starts.
 */
public final class RunSpend {

    private final UsageLimits limits;
    private final AtomicReference<Usage> spent;

    /** @param before what earlier executions of the run used (a restart counts on from there) */
    public RunSpend(UsageLimits limits, Usage before) {
        this.limits = limits;
        this.spent = new AtomicReference<>(before == null ? Usage.UNKNOWN : before);
    }

    public void add(Usage usage) {
        if (limits.any() && usage != null && !usage.hasNoFigure()) {
            spent.accumulateAndGet(usage, Usage::plus);
        }
    }

    public Usage spent() {
        return spent.get();
    }

    /** Why the run may start no further agent: the limit it passed and what it spent; null while within its limits. */
    public String passedLimit() {
        Usage now = spent.get();
        BigDecimal cost = now.costUsd();
        if (limits.maxCostUsd() != null && cost != null && cost.compareTo(limits.maxCostUsd()) > 0) {
            return "the run passed limits.maxCostUsd " + limits.maxCostUsd().toPlainString() + " USD (spent "
                    + cost.stripTrailingZeros().toPlainString() + " USD)";
        }
        Long tokens = now.totalTokens();
        if (limits.maxTokens() != null && tokens != null && tokens > limits.maxTokens()) {
            return "the run passed limits.maxTokens " + limits.maxTokens() + " (used " + tokens + " tokens)";
        }
        return null;
    }
}
