package org.perfect21.cli.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Elapsed times as the live view shows them: 120 ms, 4.2 s, 3m 07s. */
final class Elapsed {

    private Elapsed() {
    }

    /** From {@code start} to {@code end}, or to {@code now} while it goes on; empty when it has not started. */
    static String between(Instant start, Instant end, Instant now) {
        if (start == null) {
            return "";
        }
        return of(Duration.between(start, end == null ? now : end));
    }

    static String of(Duration duration) {
        long ms = Math.max(0, duration.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm %02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
