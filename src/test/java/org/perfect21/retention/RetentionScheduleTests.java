package org.perfect21.retention;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfect21.testing.FiringSchedulesTest;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The purge's Quartz job and trigger: registered from perfect21.retention.*, and fired by the scheduler,
 * which also deletes the result cache's expired rows.
 */
@FiringSchedulesTest
class RetentionScheduleTests {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTriggerComesFromTheRetentionPropertiesWithAnExplicitMisfirePolicy() throws SchedulerException {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("retention-purge", "perfect21"));
        JobDetail job = scheduler.getJobDetail(RetentionScheduleConfiguration.JOB);

        assertThat(trigger.getCronExpression()).isEqualTo("* * * * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Tokyo");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(trigger.getJobKey()).isEqualTo(RetentionScheduleConfiguration.JOB);
        assertThat(job.getJobClass()).isEqualTo(RetentionPurgeJob.class);
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
    }

    @Test
    void theSchedulerRunsThePurgeAndItIsRecorded() {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM P21_PURGE WHERE TRIGGERED_BY = 'schedule' AND ENDED_AT IS NOT NULL AND ERROR IS NULL",
                Integer.class) > 0);
    }

    @Test
    void theScheduledPurgeAlsoDeletesExpiredCachedResults() {
        String insert = "INSERT INTO P21_RESULT_CACHE (CACHE_KEY, AGENT, OUTPUT, OUTPUT_BYTES, OUTPUT_TRUNCATED, CREATED_AT, EXPIRES_AT)"
                + " VALUES (?, 'agent', 'out', 3, FALSE, ?, ?)";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update(insert, "e".repeat(64), now.minusDays(2), now.minusDays(1));
        jdbc.update(insert, "f".repeat(64), now, now.plusDays(1));

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList("SELECT CACHE_KEY FROM P21_RESULT_CACHE", String.class)
                .equals(List.of("f".repeat(64))));
    }

}
