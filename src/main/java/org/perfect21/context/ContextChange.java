package org.perfect21.context;

import java.util.List;

/**
 * What committing a phase did to a run's context: what to write and what to delete.
 *
 * @param added   new entries still held after the commit (an entry evicted by a later one of the same phase is not here)
 * @param evicted sequence numbers of entries held before the commit and evicted by it
 * @param totals  the context's state after the commit
 */
public record ContextChange(List<ContextEntry> added, List<Integer> evicted, ContextTotals totals) {

    public boolean touchesEntries() {
        return !added.isEmpty() || !evicted.isEmpty();
    }
}
