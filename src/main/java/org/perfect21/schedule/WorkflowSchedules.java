package org.perfect21.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.ScheduleDefinition;
import org.perfect21.workflow.WorkflowDefinition;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps Quartz's workflow triggers in step with the definitions (created, updated, removed), and
 * pauses and resumes them. One job and one cron trigger per scheduled workflow, keyed by its name,
 * in the group {@value #GROUP}; pausing survives restarts and definition updates.
 */
@Component
public class WorkflowSchedules {

    static final String GROUP = "workflow-schedules";
    static final String WORKFLOW = "workflow";
    static final String PARAMS = "params";
    private static final String CRON = "cron";
    private static final String ZONE = "zone";
    private static final String MISFIRE = "misfire";
    private static final Logger log = LoggerFactory.getLogger(WorkflowSchedules.class);

    private final Scheduler scheduler;
    private final JsonMapper json;

    WorkflowSchedules(Scheduler scheduler, JsonMapper json) {
        this.scheduler = scheduler;
        this.json = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** What a synchronisation changed. */
    public record Changes(List<String> created, List<String> updated, List<String> removed) {
    }

    /** Creates, updates and removes triggers so that exactly the scheduled workflows have one, as defined. */
    public synchronized Changes sync(Definitions definitions) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        try {
            Set<String> wanted = new HashSet<>();
            for (WorkflowDefinition workflow : definitions.workflows().values()) {
                if (workflow.schedule() == null) {
                    continue;
                }
                wanted.add(workflow.name());
                Trigger trigger = trigger(workflow.name(), workflow.schedule());
                Trigger existing = scheduler.getTrigger(trigger.getKey());
                if (existing == null) {
                    scheduler.scheduleJob(job(workflow.name(), workflow.schedule()), Set.of(trigger), true);
                    created.add(workflow.name());
                } else if (!existing.getJobDataMap().equals(trigger.getJobDataMap())) {
                    boolean paused = scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED;
                    // Job and trigger replaced together; a replaced trigger starts unpaused, so pausing is carried over.
                    scheduler.scheduleJob(job(workflow.name(), workflow.schedule()), Set.of(trigger), true);
                    if (paused) {
                        scheduler.pauseTrigger(trigger.getKey());
                    }
                    updated.add(workflow.name());
                }
            }
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                if (!wanted.contains(key.getName())) {
                    scheduler.deleteJob(JobKey.jobKey(key.getName(), GROUP));
                    removed.add(key.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not update the workflow schedules in Quartz: " + e.getMessage(), e);
        }
        if (!created.isEmpty() || !updated.isEmpty() || !removed.isEmpty()) {
            log.info("Workflow schedules: created {}, updated {}, removed {}", created, updated, removed);
        }
        return new Changes(created, updated, removed);
    }

    /** Every registered schedule, by workflow name. */
    public List<ScheduleView> list() {
        try {
            List<ScheduleView> views = new ArrayList<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                Trigger trigger = scheduler.getTrigger(key);
                if (trigger != null) {
                    views.add(view(trigger));
                }
            }
            views.sort(java.util.Comparator.comparing(ScheduleView::workflow));
            return views;
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the workflow schedules from Quartz: " + e.getMessage(), e);
        }
    }

    /** @throws NoSuchScheduleException when the workflow has no schedule */
    public ScheduleView pause(String workflow) {
        return change(workflow, true);
    }

    /** @throws NoSuchScheduleException when the workflow has no schedule */
    public ScheduleView resume(String workflow) {
        return change(workflow, false);
    }

    private ScheduleView change(String workflow, boolean pause) {
        TriggerKey key = TriggerKey.triggerKey(workflow, GROUP);
        try {
            if (scheduler.getTrigger(key) == null) {
                throw new NoSuchScheduleException(workflow);
            }
            if (pause) {
                scheduler.pauseTrigger(key);
            } else {
                scheduler.resumeTrigger(key);
            }
            log.info("Schedule of '{}' {}", workflow, pause ? "paused" : "resumed");
            return view(scheduler.getTrigger(key));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not " + (pause ? "pause" : "resume") + " the schedule of '" + workflow + "': "
                    + e.getMessage(), e);
        }
    }

    private ScheduleView view(Trigger trigger) throws SchedulerException {
        var data = trigger.getJobDataMap();
        Map<String, Object> params = json.readValue(data.getString(PARAMS), new TypeReference<Map<String, Object>>() { });
        return new ScheduleView(trigger.getKey().getName(), data.getString(CRON), data.getString(ZONE), data.getString(MISFIRE),
                params, scheduler.getTriggerState(trigger.getKey()).name(), instant(trigger.getPreviousFireTime()),
                instant(trigger.getNextFireTime()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The job carries what a fire launches, so a fire by hand (Scheduler.triggerJob) launches the same. */
    private JobDetail job(String workflow, ScheduleDefinition schedule) {
        return JobBuilder.newJob(ScheduledLaunchJob.class).withIdentity(workflow, GROUP)
                .withDescription("launches workflow " + workflow)
                .usingJobData(WORKFLOW, workflow)
                .usingJobData(PARAMS, json.writeValueAsString(schedule.params()))
                .build();
    }

    /** The trigger a schedule asks for; its data records what it was built from, to see changes. */
    Trigger trigger(String workflow, ScheduleDefinition schedule) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron()).inTimeZone(TimeZone.getTimeZone(schedule.zone()));
        cron = schedule.misfire() == ScheduleDefinition.Misfire.SKIP ? cron.withMisfireHandlingInstructionDoNothing()
                : cron.withMisfireHandlingInstructionFireAndProceed();
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(workflow, GROUP).forJob(workflow, GROUP)
                .withSchedule(cron)
                .usingJobData(PARAMS, json.writeValueAsString(schedule.params()))
                .usingJobData(CRON, schedule.cron())
                .usingJobData(ZONE, schedule.zone().getId())
                .usingJobData(MISFIRE, schedule.misfire().text())
                .build();
        return trigger;
    }
}
