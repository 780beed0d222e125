package org.perfect21.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop throughput: {@code inFlight} client threads each run the workload back to back for a window. */
final class Throughput {

    /** Runs per second over a window, and how many of those runs did not complete. */
    record Sample(double runsPerSecond, int runs, int failed) {
    }

    private Throughput() {
    }

    /**
     * Every contender for a warm-up window (not counted), then {@code windows} windows each, interleaved, the order
     * rotating by one each time so that no contender always follows the same one; the windows go into {@code results}.
     */
    static void interleaved(List<Contender> contenders, Workload workload, int inFlight, Duration warmUp, int windows,
                            Duration window, Results results) throws Exception {
        for (Contender contender : contenders) {
            measure(contender, workload, inFlight, warmUp);
        }
        for (int rep = 0; rep < windows; rep++) {
            for (Contender contender : rotated(contenders, rep)) {
                results.add(contender.name(), workload, inFlight, measure(contender, workload, inFlight, window));
            }
        }
    }

    /** The list rotated by {@code by} places. */
    static List<Contender> rotated(List<Contender> list, int by) {
        List<Contender> copy = new ArrayList<>(list);
        java.util.Collections.rotate(copy, by % Math.max(1, list.size()));
        return copy;
    }

    static Sample measure(Contender contender, Workload workload, int inFlight, Duration window) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        long[] bounds = new long[2];
        for (int i = 0; i < inFlight; i++) {
            Thread client = new Thread(() -> {
                try {
                    go.await();
                    while (System.nanoTime() < bounds[1]) {
                        boolean completed = contender.runToEnd(workload);
                        runs.incrementAndGet();
                        if (!completed) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    error.compareAndSet(null, e);
                }
            }, "bench-client-" + i);
            clients.add(client);
            client.start();
        }
        bounds[0] = System.nanoTime();
        bounds[1] = bounds[0] + window.toNanos();
        go.countDown();
        for (Thread client : clients) {
            client.join();
        }
        // Until the last run in flight returned: every counted run lies inside the measured interval.
        long elapsed = System.nanoTime() - bounds[0];
        if (error.get() != null) {
            throw error.get();
        }
        return new Sample(runs.get() / (elapsed / 1e9), runs.get(), failed.get());
    }
}
