package org.perfect21.context;

/**
 * A run context's size and history.
 *
 * @param evictions        entries evicted so far to stay within the budget
 * @param cuts             outputs kept only as a head because they exceeded one entry's share of the budget
 * @param peakBytes        the most bytes held after any phase
 * @param phasesCommitted  index of the last phase whose outputs entered the context, -1 before the first
 */
public record ContextTotals(ContextBudget budget, long bytes, long tokens, int entries, int evictions, int cuts,
                            long peakBytes, int phasesCommitted) {
}
