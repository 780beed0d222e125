package org.perfect21.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.perfect21.schedule.ScheduleView;
import org.perfect21.schedule.WorkflowSchedules;
import org.perfect21.workflow.DefinitionCatalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Workflow schedules: listed for viewers, paused and resumed by operators. */
@RestController
@Tag(name = "schedules", description = "Workflows that run by a cron schedule")
class ScheduleController {

    private final WorkflowSchedules schedules;
    private final DefinitionCatalog catalog;

    ScheduleController(WorkflowSchedules schedules, DefinitionCatalog catalog) {
        this.schedules = schedules;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List schedules", description = "Every scheduled workflow: cron, zone, parameters, misfire policy, "
            + "state (NORMAL, PAUSED, BLOCKED while firing) and its previous and next fire times.")
    Map<String, List<ScheduleView>> list() {
        // Reading the definitions reloads them if a file changed, which brings the triggers in line first.
        catalog.current();
        return Map.of("schedules", schedules.list());
    }

    @PostMapping(path = "/api/schedules/{workflow}/pause", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pause a schedule", description = "It stops firing until resumed, also across restarts and "
            + "definition changes. Runs it launched go on.")
    @ApiProblem(status = 404, description = "the workflow has no schedule")
    ScheduleView pause(@Parameter(description = "workflow name") @PathVariable String workflow) {
        return schedules.pause(workflow);
    }

    @PostMapping(path = "/api/schedules/{workflow}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resume a schedule", description = "It fires again from its next fire time; fires missed while "
            + "paused follow the schedule's misfire policy.")
    @ApiProblem(status = 404, description = "the workflow has no schedule")
    ScheduleView resume(@Parameter(description = "workflow name") @PathVariable String workflow) {
        return schedules.resume(workflow);
    }
}
