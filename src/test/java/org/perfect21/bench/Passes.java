package org.perfect21.bench;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Repeated measurements of one shape: the median pass (by wall / critical path) stands for the shape, and the bounds
 * that must hold at every moment (success, threads, heap) are checked on every pass.
 */
record Passes(List<InFlightResult> all) {

    Passes {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no pass measured");
        }
    }

    /** The pass of median wall / critical path (the lower middle one of an even count). */
    InFlightResult median() {
        List<InFlightResult> sorted = all.stream().sorted(Comparator.comparingDouble(InFlightResult::ratio)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    boolean allSucceeded() {
        return all.stream().allMatch(InFlightResult::allSucceeded);
    }

    int maxPeakThreads() {
        return all.stream().mapToInt(InFlightResult::peakThreads).max().orElseThrow();
    }

    /** The largest peak of the platform's own threads (the harness's taken off), which the thread bound is for. */
    int maxPlatformPeakThreads() {
        return all.stream().mapToInt(InFlightResult::platformPeakThreads).max().orElseThrow();
    }

    /** The largest heap after GC with all in flight; -1 when some pass never had all its requests in flight. */
    long maxHeapBytes() {
        return all.stream().anyMatch(p -> !p.snapshot().taken()) ? -1
                : all.stream().mapToLong(p -> p.snapshot().heapBytes()).max().orElseThrow();
    }

    /** The target: every pass succeeds within the thread and heap bounds, and the median pass within the wall bound. */
    boolean meetsTarget() {
        long heap = maxHeapBytes();
        return allSucceeded() && median().ratio() <= InFlightResult.MAX_RATIO && maxPlatformPeakThreads() <= InFlightResult.MAX_THREADS
                && heap >= 0 && heap <= InFlightResult.MAX_HEAP_BYTES;
    }

    String heap() {
        long heap = maxHeapBytes();
        return heap < 0 ? "not all in flight" : String.format("%.0f MB", heap / 1048576.0);
    }

    /** Every pass as "wall/critical (platform / JVM peak threads)", in the order measured. */
    String each() {
        return all.stream().map(p -> String.format("%.3f (%d / %d)", p.ratio(), p.platformPeakThreads(), p.peakThreads()))
                .collect(Collectors.joining(", "));
    }
}
