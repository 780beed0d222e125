package org.perfect21.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.perfect21.testing.EngineTest;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Triggers follow the definitions: created, updated, removed; pausing survives updates; a fire is a
 * launch through the (mocked) launcher. Nothing waits for the clock: fires are triggered by hand.
 */
@EngineTest
@TestPropertySource(properties = {
        // A trigger fired by hand is written row by row; a scan that reads it half-written fails and Quartz waits
        // dbRetryInterval (15 s by default) before scanning again, longer than this test waits for the fire.
        "spring.quartz.properties.org.quartz.jobStore.dbRetryInterval=500",
        "perfect21.jobs-dir=src/test/jobs/none"})
class WorkflowSchedulesTests {

    @TempDir
    static Path dir;

    @MockitoBean
    RunLauncher launcher;
    @Autowired
    WorkflowSchedules schedules;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DefinitionLoader loader;

    @BeforeEach
    void noSchedules() {
        schedules.sync(definitions("none", ""));
    }

    @Test
    void syncCreatesOneTriggerPerScheduledWorkflowAsDefined() throws Exception {
        var changes = schedules.sync(definitions("create",
                workflow("nightly", "{cron: \"0 30 2 * * ?\", zone: Europe/Paris, params: {depth: 3}, misfire: skip}"),
                workflow("plain", null)));

        assertThat(changes.created()).containsExactly("nightly");
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly", WorkflowSchedules.GROUP));
        assertThat(trigger.getCronExpression()).isEqualTo("0 30 2 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Europe/Paris");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(schedules.list()).singleElement().satisfies(view -> {
            assertThat(view.workflow()).isEqualTo("nightly");
            assertThat(view.params()).containsEntry("depth", 3);
            assertThat(view.state()).isEqualTo("NORMAL");
            assertThat(view.nextFireTime()).isNotNull();
            assertThat(view.previousFireTime()).isNull();
        });
    }

    @Test
    void syncUpdatesAChangedScheduleKeepsItPausedAndRemovesOnesNoLongerDefined() throws Exception {
        schedules.sync(definitions("before", workflow("a", "{cron: \"0 0 1 * * ?\"}"), workflow("b", "{cron: \"0 0 2 * * ?\"}"),
                workflow("c", "{cron: \"0 0 3 * * ?\"}")));
        schedules.pause("a");

        var changes = schedules.sync(definitions("after", workflow("a", "{cron: \"0 15 1 * * ?\"}"),
                workflow("b", "{cron: \"0 0 2 * * ?\"}")));

        assertThat(changes.updated()).containsExactly("a");
        assertThat(changes.removed()).containsExactly("c");
        assertThat(changes.created()).isEmpty();
        assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("a", WorkflowSchedules.GROUP))).getCronExpression())
                .isEqualTo("0 15 1 * * ?");
        assertThat(schedules.list()).extracting(ScheduleView::workflow, ScheduleView::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "PAUSED"), org.assertj.core.groups.Tuple.tuple("b", "NORMAL"));
        assertThat(scheduler.checkExists(JobKey.jobKey("c", WorkflowSchedules.GROUP))).isFalse();
        assertThat(schedules.resume("a").state()).isEqualTo("NORMAL");
    }

    @Test
    void anUnchangedDefinitionChangesNothing() {
        schedules.sync(definitions("same1", workflow("same", "{cron: \"0 0 4 * * ?\", params: {depth: 2}}")));

        var changes = schedules.sync(definitions("same2", workflow("same", "{cron: \"0 0 4 * * ?\", params: {depth: 2}}")));

        assertThat(changes.created()).isEmpty();
        assertThat(changes.updated()).isEmpty();
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void aFireLaunchesTheWorkflowThroughTheQueueKeyedByItsFireTime() throws Exception {
        when(launcher.launch(anyString(), anyMap(), anyString(), anyString())).thenReturn(new Launch("run-1", RunStatus.QUEUED, false));
        schedules.sync(definitions("fire", workflow("fired", "{cron: \"0 0 5 1 1 ? 2099\", params: {depth: 7}}")));

        scheduler.triggerJob(JobKey.jobKey("fired", WorkflowSchedules.GROUP));

        verify(launcher, timeout(10_000)).launch(eq("fired"), eq(Map.of("depth", 7)), startsWith("schedule:fired:"), eq("schedule"));
    }

    @Test
    void pausingOrResumingAWorkflowWithoutScheduleIsRefused() {
        assertThatThrownBy(() -> schedules.pause("nope")).isInstanceOf(NoSuchScheduleException.class)
                .hasMessageContaining("'nope' has no schedule");
        assertThatThrownBy(() -> schedules.resume("nope")).isInstanceOf(NoSuchScheduleException.class);
    }

    private Definitions definitions(String set, String... workflows) {
        try {
            Path jobs = dir.resolve(set);
            Files.createDirectories(jobs.resolve("workflows"));
            for (int i = 0; i < workflows.length; i++) {
                if (!workflows[i].isEmpty()) {
                    Files.writeString(jobs.resolve("workflows/w" + i + ".yml"), workflows[i]);
                }
            }
            return loader.load(jobs);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String workflow(String name, String schedule) {
        return """
                name: %s
                parameters:
                  depth: {type: integer, default: 1}
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """.formatted(name) + (schedule == null ? "" : "schedule: " + schedule + "\n");
    }
}
