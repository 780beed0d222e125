package org.perfect21.rollup;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The rollup's Quartz job and trigger: registered from perfect21.rollup.*, in UTC, and fired by the scheduler, which
 * rolls the closed hours of the agent results up. (The report cases check the rollup's figures on H2 and PostgreSQL.)
 */
@FiringSchedulesTest
class RollupScheduleTests {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTriggerComesFromTheRollupPropertiesInUtcWithAnExplicitMisfirePolicy() throws SchedulerException {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("hourly-rollup", "perfect21"));
        JobDetail job = scheduler.getJobDetail(RollupScheduleConfiguration.JOB);

        assertThat(trigger.getCronExpression()).isEqualTo("* * * * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(job.getJobClass()).isEqualTo(RollupJob.class);
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
    }

    @Test
    void theSchedulerRollsClosedHoursUp() {
        OffsetDateTime ended = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3);
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, CREATED_AT, STARTED_AT, ENDED_AT) VALUES ('rolled', 'w',"
                + " 'COMPLETED', ?, ?, ?)", ended.minusSeconds(1), ended.minusSeconds(1), ended);
        jdbc.update("INSERT INTO P21_AGENT_RESULT (RUN_ID, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, STATUS, ATTEMPTS,"
                + " STARTED_AT, ENDED_AT, DURATION_MS, OUTPUT_BYTES, CACHE_TIER) VALUES ('rolled', 0, 0, 'p', 'scheduled', 'simulated',"
                + " 'COMPLETED', 1, ?, ?, 1000, 10, 'MISS')", ended.minusSeconds(1), ended);

        // A history from before the rollup existed: the firing at start found no agent results and moved the mark to the
        // last closed hour; with the mark back at its initial value, the next firing starts from the oldest result.
        jdbc.update("UPDATE P21_ROLLUP SET ROLLED_TO = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'");

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM P21_AGENT_HOURLY WHERE AGENT = 'scheduled' AND CACHE_TIER = 'MISS' AND EXECUTIONS = 1", Integer.class) == 1);
        assertThat(jdbc.queryForObject("SELECT BUCKET_LOW FROM P21_AGENT_DURATION_HOURLY WHERE AGENT = 'scheduled'", Long.class))
                .as("1000 ms: in 992..1023, a sixteenth of 512..1023").isEqualTo(992L);
        Instant rolledTo = jdbc.queryForObject("SELECT ROLLED_TO FROM P21_ROLLUP WHERE NAME = 'hourly'", OffsetDateTime.class)
                .toInstant();
        assertThat(rolledTo).isAfter(ended.toInstant()).isBeforeOrEqualTo(Instant.now().minus(Duration.ofMinutes(5)))
                .isEqualTo(rolledTo.truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void badPropertiesAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> new RollupProperties("every hour", Duration.ofMinutes(5), Duration.ofHours(24)))
                .hasMessageContaining("perfect21.rollup.cron");
        assertThatThrownBy(() -> new RollupProperties("0 5 * * * ?", Duration.ofMinutes(-1), Duration.ofHours(24)))
                .hasMessageContaining("perfect21.rollup.grace");
        assertThatThrownBy(() -> new RollupProperties("0 5 * * * ?", Duration.ofMinutes(5), Duration.ofMinutes(90)))
                .hasMessageContaining("perfect21.rollup.chunk");
    }

}
