package org.perfect21.workflow;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.workflow.JobsDirectory.assertProblem;
import static org.perfect21.workflow.JobsDirectory.minimalWorkflow;

/** A workflow's {@code schedule}: a Quartz cron, its zone, the parameters it runs with and its misfire policy. */
class WorkflowScheduleTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void emptyJobsDirectory() {
        jobs = new JobsDirectory(dir);
    }

    /** What a valid schedule says, and what it defaults to. */
    @Nested
    class Reading {

        @Test
        void aScheduleIsReadWithItsZoneParametersAndMisfirePolicy() {
            // given
            jobs.workflow("nightly.yml", """
                    name: nightly
                    parameters:
                      depth: {type: integer, default: 1}
                    schedule: {cron: "0 30 2 * * ?", zone: Europe/Paris, params: {depth: 3}, misfire: skip}
                    phases:
                      - name: p
                        agents: [{name: a1, kind: simulated}]
                    """);

            // when
            ScheduleDefinition schedule = jobs.loadWorkflow("nightly").schedule();

            // then
            assertThat(schedule.cron()).isEqualTo("0 30 2 * * ?");
            assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(schedule.params()).containsEntry("depth", 3L);
            assertThat(schedule.misfire()).isEqualTo(ScheduleDefinition.Misfire.SKIP);
        }

        @Test
        void aScheduleDefaultsToTheSystemZoneAndFiringOnceAfterMissedFires() {
            // given
            jobs.workflow("hourly.yml", minimalWorkflow("hourly") + "schedule: {cron: \"0 0 * * * ?\"}\n");

            // when
            ScheduleDefinition schedule = jobs.loadWorkflow("hourly").schedule();

            // then
            assertThat(schedule.zone()).isEqualTo(ZoneId.systemDefault());
            assertThat(schedule.misfire()).isEqualTo(ScheduleDefinition.Misfire.FIRE_ONCE);
            assertThat(schedule.params()).isEmpty();
        }
    }

    /** Each bad schedule field is a definition problem naming the field, and the cron syntax where it helps. */
    @Nested
    class BadSchedules {

        @Test
        void aBadCronIsADefinitionErrorNamingTheFieldAndTheSyntax() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    schedule:
                      cron: "0 0 25 * * ?"
                    phases:
                      - name: p
                        agents: [{name: a1, kind: simulated}]
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 3, "schedule.cron", "'0 0 25 * * ?' is not a Quartz cron expression",
                    "seconds minutes hours");
        }

        @Test
        void aFiveFieldUnixCronIsRefusedWithTheQuartzSyntaxExplained() {
            // given
            Path wf = jobs.workflow("wf.yml", minimalWorkflow("wf") + "schedule: {cron: \"0 3 * * *\"}\n");

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 5, "schedule.cron", "not a Quartz cron expression");
        }

        @Test
        void aBadZoneMisfireOrUnknownKeyIsEachReported() {
            // given
            jobs.workflow("wf.yml", minimalWorkflow("wf")
                    + "schedule: {cron: \"0 0 3 * * ?\", zone: Mars/Olympus, misfire: twice, every: day}\n");

            // when
            InvalidDefinitionsException e = jobs.loadFails();

            // then
            assertThat(e.problems()).extracting(DefinitionProblem::field)
                    .containsExactlyInAnyOrder("schedule.zone", "schedule.misfire", "schedule.every");
            assertThat(e.getMessage()).contains("'Mars/Olympus' is not a time zone", "'twice' is not fire-once or skip");
        }

        @Test
        void scheduleParametersAreCheckedAgainstTheWorkflowsParameters() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    parameters:
                      depth: {type: integer, required: true}
                    schedule:
                      cron: "0 0 3 * * ?"
                      params: {depth: deep, colour: red}
                    phases:
                      - name: p
                        agents: [{name: a1, kind: simulated}]
                    """);

            // when
            InvalidDefinitionsException e = jobs.loadFails();

            // then
            assertThat(e.problems()).hasSize(2).allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(wf);
                assertThat(p.line()).isEqualTo(6);
                assertThat(p.field()).isEqualTo("schedule.params");
            });
            // One problem each: the value that is not an integer, and the parameter the workflow does not declare.
            assertThat(e.problems()).extracting(DefinitionProblem::message)
                    .anySatisfy(message -> assertThat(message).contains("parameter 'depth'"))
                    .anySatisfy(message -> assertThat(message).contains("unknown parameter 'colour'"));
            assertThat(e.getMessage()).contains("depth", "colour");
        }
    }
}
