package org.perfect21.rollup;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rollup's Quartz job and its cron trigger, in UTC like the hours it rolls up. */
@Configuration(proxyBeanMethods = false)
class RollupScheduleConfiguration {

    static final JobKey JOB = JobKey.jobKey("hourly-rollup", "perfect21");

    @Bean
    JobDetail agentRollupJob() {
        return JobBuilder.newJob(RollupJob.class)
                .withIdentity(JOB)
                .withDescription("Rolls agent results and runs up by closed UTC hour for the admin reports")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger agentRollupTrigger(RollupProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity(JOB.getName(), JOB.getGroup())
                .withDescription("perfect21.rollup.cron " + properties.cron())
                // After downtime over a firing, catch up at start rather than waiting for the next hour.
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron())
                        .inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
