package org.perfect21.optimizer;

/**
 * Whether the optimizer trims caches at a tick: when memory pressure is on, or the watched heap pools
 * are above the high mark right now (pressure not yet signalled). A pure function.
 */
final class CacheTrimming {

    private CacheTrimming() {
    }

    /**
     * @param underPressure memory pressure is on
     * @param heapRatio     highest usage / max of the watched heap pools now; negative when none is watched
     * @param high          the high mark
     */
    record Inputs(boolean underPressure, double heapRatio, double high) {
    }

    /** @param trim whether to trim; @param reason why, in words */
    record Outcome(boolean trim, String reason) {
    }

    static Outcome decide(Inputs in) {
        if (in.underPressure()) {
            return new Outcome(true, "memory pressure is on");
        }
        if (in.heapRatio() >= in.high()) {
            return new Outcome(true, "heap at " + PoolSizing.percent(in.heapRatio()) + ", above the high mark "
                    + PoolSizing.percent(in.high()));
        }
        return new Outcome(false, in.heapRatio() < 0 ? "no heap pool is watched"
                : "heap at " + PoolSizing.percent(in.heapRatio()) + ", below the high mark " + PoolSizing.percent(in.high()));
    }
}
