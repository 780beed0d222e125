package org.perfect21.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * The two timestamp parameters that bound a report's window, {@code [from, to)}, as a {@code -- window: from, to} header
 * line names them. For such a report the runner binds two more parameters, computed once per run: {@code :rollup_from}
 * and {@code :rollup_to}, the whole UTC hours {@code [rollup_from, rollup_to)} of the window that the hourly rollups
 * hold. The report reads those hours from the rollups and {@code [from, rollup_from)} and {@code [rollup_to, to)} from
 * the raw tables; the three ranges tile the window.
 *
 * @param from the parameter holding the window's start (inclusive)
 * @param to   the parameter holding the window's end (exclusive)
 */
public record ReportWindow(String from, String to) {

    static final String ROLLUP_FROM = "rollup_from";
    static final String ROLLUP_TO = "rollup_to";
    /** The parameters derived from the window; never given by a caller. */
    static final Set<String> DERIVED = Set.of(ROLLUP_FROM, ROLLUP_TO);

    /**
     * How far the rollups have got (HourlyRollup moves it with the rows it adds; every hour before it is in them). The
     * reports read what the rollup writes without depending on its code, as their SQL does.
     */
    static final String ROLLED_TO = "SELECT ROLLED_TO FROM P21_ROLLUP WHERE NAME = 'hourly'";

    /**
     * The derived parameters for the window {@code [from, to)} when the rollups hold every hour before {@code rolledTo}:
     * from the first whole UTC hour at or after {@code from} to the last whole hour at or before {@code to}, or
     * {@code rolledTo} if earlier. When that holds no hour (a window shorter than an hour, a rollup behind the window,
     * {@code from} after {@code to}) both are {@code to}: the raw tables answer for the whole window.
     */
    static Map<String, Object> bounds(OffsetDateTime from, OffsetDateTime to, Instant rolledTo) {
        Instant start = from.toInstant();
        Instant firstHour = start.truncatedTo(ChronoUnit.HOURS);
        if (firstHour.isBefore(start)) {
            firstHour = firstHour.plus(1, ChronoUnit.HOURS);
        }
        Instant lastHour = to.toInstant().truncatedTo(ChronoUnit.HOURS);
        // The mark is always a whole hour; were it not, the hour it falls in would not be whole in the rollups.
        Instant rolled = rolledTo.truncatedTo(ChronoUnit.HOURS);
        if (rolled.isBefore(lastHour)) {
            lastHour = rolled;
        }
        OffsetDateTime end = to.withOffsetSameInstant(ZoneOffset.UTC);
        if (!firstHour.isBefore(lastHour)) {
            return Map.of(ROLLUP_FROM, end, ROLLUP_TO, end);
        }
        return Map.of(ROLLUP_FROM, firstHour.atOffset(ZoneOffset.UTC), ROLLUP_TO, lastHour.atOffset(ZoneOffset.UTC));
    }
}
