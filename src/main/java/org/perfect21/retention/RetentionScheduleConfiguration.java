package org.perfect21.retention;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The purge's Quartz job and cron trigger; Spring Boot registers both with the scheduler. With a JDBC job
 * store, {@code spring.quartz.overwrite-existing-jobs} lets a changed cron replace the stored trigger at
 * the next start.
 */
@Configuration(proxyBeanMethods = false)
class RetentionScheduleConfiguration {

    static final JobKey JOB = JobKey.jobKey("retention-purge", "perfect21");

    @Bean
    JobDetail retentionPurgeJob() {
        return JobBuilder.newJob(RetentionPurgeJob.class)
                .withIdentity(JOB)
                .withDescription("Deletes runs past perfect21.retention.max-age or beyond perfect21.retention.max-runs")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger retentionPurgeTrigger(RetentionProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity(JOB.getName(), JOB.getGroup())
                .withDescription("perfect21.retention.cron " + properties.cron())
                // After downtime over a firing time, purge once at start rather than skipping to the next day.
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron())
                        .inTimeZone(properties.timeZone())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
