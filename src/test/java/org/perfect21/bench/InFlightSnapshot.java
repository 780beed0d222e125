package org.perfect21.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JVM at the moment every request of a measurement is waiting at the stand-in: its live threads by pool and its
 * heap used after a full GC ({@code System.gc()}, called from the bench's thread while the answers are pending).
 *
 * @param heapBytes -1 when the work ended before all its requests had arrived (then nothing was taken)
 */
record InFlightSnapshot(boolean taken, Map<String, Integer> pools, long heapBytes, long gcMillis) {

    private static final InFlightSnapshot NOT_TAKEN = new InFlightSnapshot(false, Map.of(), -1, 0);

    /** Waits until all requests have arrived, or the work is done (some never came), and takes the snapshot in the first case. */
    static InFlightSnapshot take(CompletableFuture<Void> allArrived, CompletableFuture<?> workDone)
            throws InterruptedException, TimeoutException {
        try {
            CompletableFuture.anyOf(allArrived, workDone).get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            // The work failed; its own future reports that.
        }
        if (!allArrived.isDone()) {
            return NOT_TAKEN;
        }
        Map<String, Integer> pools = LiveThreads.byPool();
        long gc = System.nanoTime();
        long heap = BenchmarkMain.heapUsedAfterGc();
        return new InFlightSnapshot(true, pools, heap, (System.nanoTime() - gc) / 1_000_000);
    }
}
