package org.perfect21.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.perfect21.workflow.DefinitionCatalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workflows defined in the jobs directory (viewer role). */
@RestController
@RequestMapping(path = "/api/workflows", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "workflows", description = "Workflow definitions from the jobs directory")
class WorkflowController {

    private final DefinitionCatalog catalog;

    WorkflowController(DefinitionCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List workflows", description = "Every workflow with its parameters and phases, by name.")
    Map<String, List<WorkflowView>> list() {
        return Map.of("workflows", catalog.current().workflows().values().stream().map(WorkflowView::of).toList());
    }

    @GetMapping("/{name}")
    @Operation(summary = "Show a workflow", description = "One workflow's definition: parameters (type, required, default) and phases.")
    @ApiResponse(responseCode = "200", description = "the workflow")
    @ApiProblem(status = 404, description = "no workflow has this name")
    WorkflowView show(@Parameter(description = "workflow name") @PathVariable String name) {
        return WorkflowView.of(catalog.require(name));
    }
}
