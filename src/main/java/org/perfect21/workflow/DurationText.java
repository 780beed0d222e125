package org.perfect21.workflow;

import java.time.Duration;

/**
 * Durations as people write them ({@code 2m}, {@code 90s}, {@code 1h30m}, {@code 250ms}) rather than ISO-8601's
 * {@code PT2M}: for definitions as the API shows them, and for measured durations in the command line's tables.
 */
public final class DurationText {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private DurationText() {
    }

    /** Exact to the millisecond, in whole units: {@code 2m}, {@code 1h30m}, {@code 1m30s}, {@code 1s500ms}. */
    public static String of(Duration duration) {
        return units(duration.toMillis(), true);
    }

    /**
     * A measured duration, as precise as a reader needs: {@code 171ms} under a second, tenths of a second under a
     * minute ({@code 12.3s}), whole seconds beyond ({@code 2m5s}, {@code 1h2m}).
     */
    public static String ofMillis(long millis) {
        if (millis < SECOND) {
            return millis + "ms";
        }
        long tenths = Math.round(millis / 100.0);
        if (tenths < 600) {
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        return units(Math.round(millis / (double) SECOND) * SECOND, false);
    }

    private static String units(long millis, boolean withMillis) {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long rest = append(text, append(text, append(text, append(text, millis, DAY, "d"), HOUR, "h"), MINUTE, "m"), SECOND, "s");
        if (withMillis && rest > 0) {
            text.append(rest).append("ms");
        }
        return text.toString();
    }

    /** Appends the whole units in {@code millis} (none when zero) and returns what is left. */
    private static long append(StringBuilder text, long millis, long unit, String suffix) {
        if (millis >= unit) {
            text.append(millis / unit).append(suffix);
        }
        return millis % unit;
    }
}
