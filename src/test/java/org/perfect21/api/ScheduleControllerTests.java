package org.perfect21.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.perfect21.schedule.NoSuchScheduleException;
import org.perfect21.schedule.ScheduleView;
import org.perfect21.schedule.WorkflowSchedules;
import org.perfect21.workflow.DefinitionCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.inOrder;
import static org.perfect21.api.ApiSlice.operator;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.viewer;

/** The schedule endpoints in the web slice: listing after a re-read of the definitions, pausing and resuming. */
@ApiSliceTest
class ScheduleControllerTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WorkflowSchedules schedules;
    @Autowired
    DefinitionCatalog catalog;

    @Test
    void schedulesAreListedOnceTheDefinitionsAreReread() {
        given(schedules.list()).willReturn(List.of(yearly("NORMAL")));

        MvcTestResult list = mvc.get().uri("/api/schedules").with(viewer()).exchange();

        assertThat(list).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"schedules": [{"workflow": "yearly", "cron": "0 0 5 1 1 ? 2099", "zone": "UTC", "misfire": "fire-once",
                                "params": {"count": 4}, "state": "NORMAL", "previousFireTime": null,
                                "nextFireTime": "2099-01-01T05:00:00Z"}]}""");
        InOrder order = inOrder(catalog, schedules);
        order.verify(catalog).current();
        order.verify(schedules).list();
    }

    @Test
    void anOperatorPausesAndResumesASchedule() {
        given(schedules.pause("yearly")).willReturn(yearly("PAUSED"));
        given(schedules.resume("yearly")).willReturn(yearly("NORMAL"));

        MvcTestResult paused = mvc.post().uri("/api/schedules/yearly/pause").with(operator()).exchange();
        MvcTestResult resumed = mvc.post().uri("/api/schedules/yearly/resume").with(operator()).exchange();

        assertThat(paused).hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("PAUSED");
        assertThat(resumed).hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("NORMAL");
        then(schedules).should().pause("yearly");
        then(schedules).should().resume("yearly");
    }

    @Test
    void aWorkflowWithoutAScheduleIsNotFound() {
        given(schedules.pause("quick")).willThrow(new NoSuchScheduleException("quick"));

        MvcTestResult paused = mvc.post().uri("/api/schedules/quick/pause").with(operator()).exchange();

        assertThat(paused).satisfies(problem(404, "workflow 'quick' has no schedule"));
    }

    private static ScheduleView yearly(String state) {
        return new ScheduleView("yearly", "0 0 5 1 1 ? 2099", "UTC", "fire-once", Map.of("count", 4), state, null,
                Instant.parse("2099-01-01T05:00:00Z"));
    }
}
