package org.perfect21.bench;

import java.util.Map;

/**
 * What one measurement of many model requests in flight at once gave: through the platform ({@code runs} runs of
 * {@code perRun} http agents each) or straight through a bare client ({@code runs} 0). Durations in milliseconds.
 *
 * @param succeeded     agents that completed (requests answered 200 for the bare client)
 * @param attempts      attempts made in all (retries show as more than {@code calls})
 * @param wallMs        from launching the first run (sending the first request) to the last run's (request's) end
 * @param criticalMs    the longest run's critical path: the sum over its phases of its longest agent attempt (for
 *                      the bare client, the longest request)
 * @param durationsMs   each agent's attempt (each request), start to end
 * @param sendLagMs     each attempt's start to its request's arrival at the stand-in
 * @param receiveLagMs  each answer's writing (by the stand-in) to the end of its attempt
 * @param threadsBefore live threads of the JVM just before launching
 * @param peakThreads   the JVM's peak of live threads from just before launching to the end
 * @param harnessThreads the bench's client threads and the stand-in's threads among them ({@link LiveThreads#harness()})
 * @param timeline      where the wall time went
 * @param runSpans      where each run's time went (none for the bare client)
 */
record InFlightResult(String label, int runs, int perRun, int calls, int succeeded, int attempts, double wallMs,
                      double criticalMs, double[] durationsMs, double[] sendLagMs, double[] receiveLagMs, int threadsBefore,
                      int peakThreads, int harnessThreads, InFlightSnapshot snapshot, Timeline timeline, RunSpans runSpans,
                      Map<String, Long> errors) {

    /** The target (see {@link Passes#meetsTarget()}): wall ≤ 1.10 × critical path, threads ≤ 64, heap after GC ≤ 256 MB. */
    static final double MAX_RATIO = 1.10;
    static final int MAX_THREADS = 64;
    static final long MAX_HEAP_BYTES = 256L * 1024 * 1024;

    /** The peak of the platform's own threads: the JVM's, less the harness's. */
    int platformPeakThreads() {
        return peakThreads - harnessThreads;
    }

    double ratio() {
        return wallMs / criticalMs;
    }

    boolean allSucceeded() {
        return succeeded == calls;
    }

    double medianMs() {
        return ClaudeAgentBench.median(durationsMs);
    }

    double p95Ms() {
        return ClaudeAgentBench.percentile(durationsMs, 95);
    }

    String heap() {
        return snapshot.taken() ? String.format("%.0f MB", snapshot.heapBytes() / 1048576.0) : "not all in flight";
    }

    /**
     * Moments of the measurement, in milliseconds after the launch: where the wall time goes.
     *
     * @param lastStartMs     when the last agent attempt started (the last {@code sendAsync} returned, for the bare client)
     * @param firstArrivalMs  when the stand-in received the first request
     * @param lastArrivalMs   when it received the last
     * @param lastAnswerMs    when it had written the last answer
     * @param maxLatenessMs   the most an answer was written after its request's arrival plus the delay (the stand-in's lag)
     */
    record Timeline(double lastStartMs, double firstArrivalMs, double lastArrivalMs, double lastAnswerMs, double maxLatenessMs) {

        static Timeline of(long launchedNanos, double lastStartMs, DelayedMessagesApi.Batch batch, java.time.Duration delay) {
            return new Timeline(lastStartMs, since(launchedNanos, batch.firstArrival()), since(launchedNanos, batch.lastArrival()),
                    since(launchedNanos, batch.lastAnswer()), batch.maxLateness(delay) / 1e6);
        }

        private static double since(long launched, long nanos) {
            return nanos == Long.MIN_VALUE ? Double.NaN : (nanos - launched) / 1e6;
        }
    }

    /**
     * Per run, in milliseconds: the launch to its first attempt's start, its first to its last attempt's start, and its
     * last attempt's end to its return from {@code WorkflowRunner.execute} (results written, steps and job ended).
     */
    record RunSpans(double[] toFirstStartMs, double[] startingMs, double[] closingMs) {

        static final RunSpans NONE = new RunSpans(new double[0], new double[0], new double[0]);
    }
}
