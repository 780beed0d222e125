package org.perfect21.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The context of one run while it executes. Partitions of a phase {@link #collect} their agents'
 * outputs from any thread; when the phase has passed its gate, {@link #commitPhase} adds them in agent
 * order under the budget, evicting the oldest entries first, and says what to persist. Later phases
 * render their instructions from the {@link #view}, an immutable snapshot.
 */
public final class RunContext {

    static final String CUT_MARKER = "\n[... cut by the context budget: kept %d of %d bytes]";

    private final ContextBudget budget;
    private final Deque<ContextEntry> entries = new ArrayDeque<>();
    private final Map<Integer, Collection<ContextInput>> collected = new ConcurrentHashMap<>();
    private long bytes;
    private long tokens;
    private int evictions;
    private int cuts;
    private long peakBytes;
    private int nextSeq;
    private int phasesCommitted = -1;
    private volatile ContextView view = ContextView.EMPTY;

    public RunContext(ContextBudget budget) {
        this.budget = budget;
    }

    /** Rebuilds the context of a restarted run from what was persisted. */
    public static RunContext restore(ContextTotals totals, List<ContextEntry> held) {
        RunContext context = new RunContext(totals.budget());
        held.stream().sorted(Comparator.comparingInt(ContextEntry::seq)).forEach(e -> {
            context.entries.addLast(e);
            context.bytes += e.bytes();
            context.tokens += e.tokens();
            context.nextSeq = Math.max(context.nextSeq, e.seq() + 1);
        });
        context.evictions = totals.evictions();
        context.cuts = totals.cuts();
        context.peakBytes = totals.peakBytes();
        context.phasesCommitted = totals.phasesCommitted();
        context.view = new ContextView(List.copyOf(context.entries), context.totals());
        return context;
    }

    public ContextBudget budget() {
        return budget;
    }

    /** Offers finished agents' outputs of a phase; safe from the threads of several partitions. */
    public void collect(int phaseIndex, Collection<ContextInput> outputs) {
        collected.computeIfAbsent(phaseIndex, i -> new ConcurrentLinkedQueue<>()).addAll(outputs);
    }

    /** Whether this phase's outputs already entered the context (a restart runs completed phases again). */
    public synchronized boolean committed(int phaseIndex) {
        return phaseIndex <= phasesCommitted;
    }

    public synchronized ContextChange commitPhase(int phaseIndex) {
        return commitPhase(phaseIndex, 1);
    }

    /**
     * Adds what the phase's agents produced, in agent order, and says what changed. A phase committed
     * before changes nothing. Entries an earlier iteration of the phase left are replaced: later phases see the
     * newest outputs.
     */
    public synchronized ContextChange commitPhase(int phaseIndex, int iteration) {
        Collection<ContextInput> outputs = collected.remove(phaseIndex);
        if (phaseIndex <= phasesCommitted) {
            return new ContextChange(List.of(), List.of(), totals());
        }
        Set<Integer> heldBefore = new HashSet<>();
        entries.forEach(e -> heldBefore.add(e.seq()));
        List<ContextEntry> added = new ArrayList<>();
        List<Integer> evicted = new ArrayList<>();
        entries.removeIf(e -> {
            if (e.phaseIndex() != phaseIndex) {
                return false;
            }
            // Superseded, not evicted: the budget did not push it out.
            bytes -= e.bytes();
            tokens -= e.tokens();
            evicted.add(e.seq());
            return true;
        });
        if (outputs != null) {
            List<ContextInput> ordered = new ArrayList<>(outputs);
            ordered.sort(Comparator.comparingInt(ContextInput::agentIndex));
            for (ContextInput input : ordered) {
                ContextEntry entry = entryOf(phaseIndex, iteration, input);
                if (entry == null) {
                    continue;
                }
                while (!entries.isEmpty() && (bytes + entry.bytes() > budget.maxBytes() || tokens + entry.tokens() > budget.maxTokens())) {
                    ContextEntry oldest = entries.removeFirst();
                    bytes -= oldest.bytes();
                    tokens -= oldest.tokens();
                    evictions++;
                    if (heldBefore.contains(oldest.seq())) {
                        evicted.add(oldest.seq());
                    } else {
                        added.remove(oldest);
                    }
                }
                entries.addLast(entry);
                added.add(entry);
                bytes += entry.bytes();
                tokens += entry.tokens();
            }
        }
        phasesCommitted = phaseIndex;
        peakBytes = Math.max(peakBytes, bytes);
        ContextTotals totals = totals();
        view = new ContextView(List.copyOf(entries), totals);
        return new ContextChange(List.copyOf(added), List.copyOf(evicted), totals);
    }

    /** The entry for an output: null when empty; its head with a marker when it exceeds one entry's share. */
    private ContextEntry entryOf(int phaseIndex, int iteration, ContextInput input) {
        String output = input.output();
        if (output == null || output.isEmpty()) {
            return null;
        }
        long outputBytes = utf8Length(output);
        long outputTokens = input.reportedTokens() != null && input.reportedTokens() >= 0
                ? input.reportedTokens() : budget.estimateTokens(outputBytes);
        long maxBytes = Math.min(budget.entryMaxBytes(), budget.entryMaxTokens() * budget.bytesPerToken());
        if (outputBytes <= budget.entryMaxBytes() && outputTokens <= budget.entryMaxTokens()) {
            return new ContextEntry(nextSeq++, phaseIndex, input.agentIndex(), input.phase(), input.agent(), input.kind(), output,
                    outputBytes, outputTokens, false, iteration);
        }
        // Reported usage may be denser than the estimate: scale the kept bytes so the kept tokens fit too.
        if (outputTokens > budget.entryMaxTokens()) {
            maxBytes = Math.min(maxBytes, (long) ((double) outputBytes * budget.entryMaxTokens() / outputTokens));
        }
        // The widest marker: the kept count has at most as many digits as the whole.
        String widestMarker = CUT_MARKER.formatted(outputBytes, outputBytes);
        long headBytes = maxBytes - utf8Length(widestMarker);
        if (headBytes <= 0) {
            // A budget smaller than the marker: the output cannot be held at all.
            evictions++;
            return null;
        }
        String head = utf8Head(output, headBytes);
        String content = head + CUT_MARKER.formatted(utf8Length(head), outputBytes);
        long contentBytes = utf8Length(content);
        long contentTokens = input.reportedTokens() != null && input.reportedTokens() >= 0
                ? Math.max(1, (long) ((double) input.reportedTokens() * contentBytes / outputBytes))
                : budget.estimateTokens(contentBytes);
        cuts++;
        return new ContextEntry(nextSeq++, phaseIndex, input.agentIndex(), input.phase(), input.agent(), input.kind(), content,
                contentBytes, Math.min(contentTokens, budget.entryMaxTokens()), true, iteration);
    }

    /**
     * Opens phases from {@code phaseIndex} on to commit again: a failed gate sends the work back there. Their entries
     * stay until the phases commit again, and are replaced then. Returns the totals to persist.
     */
    public synchronized ContextTotals reopenFrom(int phaseIndex) {
        phasesCommitted = Math.min(phasesCommitted, phaseIndex - 1);
        collected.keySet().removeIf(p -> p >= phaseIndex);
        return totals();
    }

    public synchronized ContextTotals totals() {
        return new ContextTotals(budget, bytes, tokens, entries.size(), evictions, cuts, peakBytes, phasesCommitted);
    }

    /** What later phases see: an immutable snapshot taken at the last commit. */
    public ContextView view() {
        return view;
    }

    static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes, never splitting a character. */
    static String utf8Head(String text, long maxBytes) {
        long length = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int chars = 1;
            int size;
            if (c < 0x80) {
                size = 1;
            } else if (c < 0x800) {
                size = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                size = 4;
                chars = 2;
            } else {
                size = 3;
            }
            if (length + size > maxBytes) {
                break;
            }
            length += size;
            i += chars;
        }
        return text.substring(0, i);
    }
}
