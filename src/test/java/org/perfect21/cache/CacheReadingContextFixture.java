package org.perfect21.cache;

import org.perfect21.context.ContextBudget;

/** Breaks the module rules on purpose (the cache depends on no feature): {@code ModularityTests} feeds it to the check. */
final class CacheReadingContextFixture {

    long budgetOf(ContextBudget budget) {
        return budget.maxBytes();
    }
}
