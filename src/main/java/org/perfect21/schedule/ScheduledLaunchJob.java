package org.perfect21.schedule;

import java.util.Map;

import org.perfect21.launch.RunLauncher;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schedule's fire: an ordinary launch through the queue (so it respects the concurrency limit and
 * the queue's capacity). The fire's scheduled time makes the idempotency key, so a fire that Quartz
 * recovers after a crash does not launch the same run twice.
 */
@DisallowConcurrentExecution
class ScheduledLaunchJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLaunchJob.class);

    private final RunLauncher launcher;
    private final JsonMapper json;

    ScheduledLaunchJob(RunLauncher launcher, JsonMapper json) {
        this.launcher = launcher;
        this.json = json;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String workflow = context.getMergedJobDataMap().getString(WorkflowSchedules.WORKFLOW);
        Map<String, Object> params = json.readValue(context.getMergedJobDataMap().getString(WorkflowSchedules.PARAMS),
                new TypeReference<Map<String, Object>>() { });
        String key = "schedule:" + workflow + ":" + context.getScheduledFireTime().toInstant();
        try {
            var launch = launcher.launch(workflow, params, key, "schedule");
            log.info("Schedule of '{}' launched run {} ({})", workflow, launch.runId(), launch.status());
        } catch (RuntimeException e) {
            // The fire is lost, not retried: the next fire comes by the schedule. Say why.
            log.warn("Schedule of '{}' could not launch: {}", workflow, e.getMessage());
        }
    }
}
