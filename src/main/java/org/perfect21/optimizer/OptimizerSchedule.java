package org.perfect21.optimizer;

import java.time.Instant;
import java.util.Date;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The optimizer's Quartz job and trigger; Boot registers both with the scheduler. */
@Configuration(proxyBeanMethods = false)
class OptimizerSchedule {

    static final JobKey JOB = new JobKey("optimizer", "perfect21");
    static final TriggerKey TRIGGER = new TriggerKey("optimizer", "perfect21");

    @Bean
    JobDetail optimizerJobDetail() {
        return JobBuilder.newJob(OptimizerJob.class).withIdentity(JOB)
                .withDescription("sizes the agent executor, trims caches under memory pressure, evaluates SLOs")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger optimizerTrigger(OptimizerProperties properties) {
        return TriggerBuilder.newTrigger().forJob(JOB).withIdentity(TRIGGER)
                // The first tick after one interval: a tick at startup would judge an empty window.
                .startAt(Date.from(Instant.now().plus(properties.interval())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.interval().toMillis())
                        .repeatForever()
                        // A missed tick (server down, scheduler busy) is skipped, not replayed.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
