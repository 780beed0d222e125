package org.perfect21.launch;

/**
 * How long queued runs have been taking lately (an exponentially weighted mean), for the Retry-After hint of
 * a full queue.
 */
final class RunDurations {

    private static final double WEIGHT = 0.2;

    // Guarded by this.
    private double meanSeconds = 1.0;

    synchronized void ran(long nanos) {
        meanSeconds = (1 - WEIGHT) * meanSeconds + WEIGHT * nanos / 1e9;
    }

    /** Seconds until {@code ahead} more runs will have started on {@code slots} slots; at least 1. */
    synchronized long retryAfterSeconds(int ahead, int slots) {
        return Math.max(1, (long) Math.ceil(meanSeconds * Math.max(1, ahead) / slots));
    }
}
