package org.perfect21.retention;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the run history is kept, and when the scheduled purge runs.
 *
 * @param maxAge    terminal runs that ended longer ago than this are deleted
 * @param maxRuns   beyond the newest this many runs, the older terminal runs are deleted
 * @param cron      when the scheduled purge runs: a Quartz cron expression with a seconds field
 * @param zone      time zone of {@code cron}, a region such as {@code Europe/Paris} or an offset; none means the system's
 * @param batchSize runs deleted per transaction
 */
@Validated
@ConfigurationProperties("perfect21.retention")
public record RetentionProperties(
        @DefaultValue("30d") Duration maxAge,
        @DefaultValue("10000") @Min(1) @Max(1_000_000_000) int maxRuns,
        @DefaultValue("0 0 3 * * ?") String cron,
        String zone,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {

    public RetentionProperties {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("perfect21.retention.max-age must be a positive duration such as 30d or 12h, not "
                    + maxAge);
        }
        checkCron(cron, timeZone(zone));
    }

    /** The zone {@code cron} is read in. */
    public TimeZone timeZone() {
        return timeZone(zone);
    }

    // Parsed here rather than bound as a ZoneId, so that a bad zone is reported with the property's name.
    private static TimeZone timeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return TimeZone.getDefault();
        }
        try {
            return TimeZone.getTimeZone(ZoneId.of(zone.strip()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("perfect21.retention.zone: '" + zone + "' is not a time zone (a region such as"
                    + " Europe/Paris, or an offset such as +02:00): " + e.getMessage());
        }
    }

    // Quartz's own parser, so what passes here is what the scheduler accepts; a schedule that can never
    // fire would otherwise fail later, inside the scheduler, with a message that does not name the property.
    private static void checkCron(String cron, TimeZone zone) {
        String problem;
        if (cron == null || cron.isBlank()) {
            problem = "it is empty";
        } else {
            try {
                CronExpression expression = new CronExpression(cron);
                expression.setTimeZone(zone);
                problem = expression.getNextValidTimeAfter(new Date()) == null ? "it never fires again" : null;
            } catch (ParseException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("perfect21.retention.cron: '" + cron + "' is not a usable Quartz cron expression"
                    + " (seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 3 * * ?'): " + problem);
        }
    }
}
