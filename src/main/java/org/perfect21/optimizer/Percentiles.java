package org.perfect21.optimizer;

import java.util.Arrays;

/** Percentiles in Java, so the SQL stays portable (no PERCENTILE_CONT on H2). */
final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank percentile (0 < p ≤ 100) of the values; they are sorted in place. */
    static long of(long[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length, rank) - 1)];
    }
}
