package org.perfect21.rollup;

import java.time.Duration;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the agent results are rolled up by hour for the reports.
 *
 * @param cron  when the rollup job runs: a Quartz cron expression with a seconds field, read in UTC
 * @param grace an hour is rolled up once it ended this long ago, so that results still being written for it are in
 * @param chunk hours rolled up per transaction when catching up (after downtime, or over a history that predates rollups)
 */
@Validated
@ConfigurationProperties("perfect21.rollup")
public record RollupProperties(
        @DefaultValue("0 5 * * * ?") String cron,
        @DefaultValue("5m") Duration grace,
        @DefaultValue("24h") Duration chunk) {

    public RollupProperties {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("perfect21.rollup.cron: '" + cron + "' is not a Quartz cron expression (with a"
                    + " seconds field, such as 0 5 * * * ?)");
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("perfect21.rollup.grace must be a duration of zero or more, such as 5m, not " + grace);
        }
        if (chunk == null || chunk.compareTo(Duration.ofHours(1)) < 0 || chunk.toSeconds() % 3600 != 0) {
            throw new IllegalArgumentException("perfect21.rollup.chunk must be a whole number of hours, at least 1h, not " + chunk);
        }
    }
}
