package org.perfect21.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AmbiguousOutputException;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunQueries;
import org.perfect21.history.RunStatus;
import org.perfect21.history.StoredOutputChoice;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Launching, following, stopping and restarting runs. Reads need viewer, the rest operator. */
@RestController
@Tag(name = "runs", description = "Launch runs and follow them")
class RunController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    // Answered to a stop of a running run while its agents are being cancelled; never a stored status.
    private static final String STOPPING = "STOPPING";

    private final RunLauncher launcher;
    private final WorkflowRunner runner;
    private final RunQueries queries;

    RunController(RunLauncher launcher, WorkflowRunner runner, RunQueries queries) {
        this.launcher = launcher;
        this.runner = runner;
        this.queries = queries;
    }

    @PostMapping(path = "/api/workflows/{name}/runs", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Launch a run", description = "Validates the parameters, records the run and answers at once: "
            + "the run starts when a slot is free (status STARTING), or waits in the queue (QUEUED). With an "
            + "Idempotency-Key, repeating the same request returns the same run and starts nothing.")
    @ApiResponse(responseCode = "202", description = "accepted; Location is the run",
            headers = @Header(name = "Location", description = "/api/runs/{runId}"))
    @ApiProblem(status = 400, description = "malformed JSON, or parameters missing, unknown or of the wrong type (each named)")
    @ApiProblem(status = 404, description = "no workflow has this name")
    @ApiProblem(status = 413, description = "body over the size limit (1 MiB)")
    @ApiProblem(status = 415, description = "body is not application/json")
    @ApiProblem(status = 422, description = "the Idempotency-Key was used with a different request")
    @ApiProblem(status = 429, description = "the launch queue is full; Retry-After says when to try again")
    @ApiProblem(status = 503, description = "the server is shutting down")
    ResponseEntity<LaunchResponse> launch(
            @Parameter(description = "workflow name") @PathVariable String name,
            @Parameter(description = "makes the launch idempotent: the same key and body return the same run (at most 200 printable characters)")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "launch parameters",
                    content = @Content(schema = @Schema(implementation = LaunchRequest.class)))
            @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> params = paramsOf(body);
        Launch launch = launcher.launch(name, params, checkedKey(idempotencyKey), "api");
        return accepted(launch);
    }

    @GetMapping(path = "/api/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List runs", description = "Runs newest first, optionally of one workflow or in one status.")
    @ApiProblem(status = 400, description = "a query parameter is out of range or unknown (named)")
    RunQueries.RunPage list(
            @Parameter(description = "only runs of this workflow") @RequestParam(required = false) String workflow,
            @Parameter(description = "only runs in this status: QUEUED, STARTING, RUNNING, COMPLETED, FAILED, STOPPED")
            @RequestParam(required = false) String status,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @Parameter(description = "runs per page, 1 to 500") @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        return queries.page(workflow, status == null ? null : statusOf(status), page, size);
    }

    @GetMapping(path = "/api/runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Show a run", description = "The run document (as the CLI's --json prints it), live while it "
            + "runs: agents executing now are RUNNING.")
    @ApiProblem(status = 404, description = "no run has this id")
    RunDocument show(@Parameter(description = "run id") @PathVariable String runId) {
        return runner.document(runId);
    }

    @GetMapping(path = "/api/runs/{runId}/agents/{agent}/output", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "An agent's output", description = "The output stored for an agent of the run, as text. The "
            + "header Perfect21-Output-Truncated is true when the agent produced more than is stored. Of a phase a gate "
            + "ran again, the latest iteration's unless ?iteration=N is given.")
    @ApiProblem(status = 400, description = "the agent ran in several phases and no phase was given")
    @ApiProblem(status = 404, description = "no run has this id, or the agent has no stored output in it")
    ResponseEntity<String> output(@Parameter(description = "run id") @PathVariable String runId,
                                  @Parameter(description = "agent name") @PathVariable String agent,
                                  @Parameter(description = "the phase, when the agent ran in several")
                                  @RequestParam(required = false) String phase,
                                  @Parameter(description = "the iteration, when a gate's repeat ran the phase again (default: the latest)")
                                  @RequestParam(required = false) Integer iteration) {
        RunQueries.StoredOutput chosen;
        try {
            chosen = StoredOutputChoice.choose(queries, runId, agent, phase, iteration);
        } catch (AmbiguousOutputException e) {
            throw new ApiRequestException(e.getMessage() + ": add ?phase=<name>");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header("Perfect21-Output-Truncated", String.valueOf(chosen.truncated()))
                .body(chosen.output());
    }

    @PostMapping(path = "/api/runs/{runId}/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Stop a run", description = "A queued run never starts (STOPPED). A running run has its "
            + "agents cancelled and their processes killed; it ends STOPPED (STOPPING until then) and can be restarted.")
    @ApiResponse(responseCode = "202", description = "stopping, or stopped")
    @ApiProblem(status = 404, description = "no run has this id")
    @ApiProblem(status = 409, description = "the run has ended, or is not running in this server")
    ResponseEntity<LaunchResponse> stop(@Parameter(description = "run id") @PathVariable String runId) {
        boolean wasQueued = launcher.stop(runId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LaunchResponse(runId, wasQueued ? RunStatus.STOPPED.name() : STOPPING));
    }

    @PostMapping(path = "/api/runs/{runId}/restart", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restart a run", description = "Queues a FAILED or STOPPED run again: agents that completed "
            + "keep their results, the others run.")
    @ApiResponse(responseCode = "202", description = "queued or starting; Location is the run",
            headers = @Header(name = "Location", description = "/api/runs/{runId}"))
    @ApiProblem(status = 404, description = "no run has this id")
    @ApiProblem(status = 409, description = "the run completed, is queued or is running")
    @ApiProblem(status = 429, description = "the launch queue is full; Retry-After says when to try again")
    ResponseEntity<LaunchResponse> restart(@Parameter(description = "run id") @PathVariable String runId) {
        return accepted(launcher.restart(runId));
    }

    private static RunStatus statusOf(String status) {
        try {
            return RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiRequestException("query parameter 'status': '" + status + "' is not one of " + String.join(", ",
                    Arrays.stream(RunStatus.values()).map(RunStatus::name).sorted().toList()));
        }
    }

    /** The launch body, as documented (read as a map so unknown fields can be named in the error). */
    record LaunchRequest(@Schema(description = "parameter values by name, typed as the workflow declares",
            example = "{\"path\": \".\"}") Map<String, Object> params) {
    }

    private static ResponseEntity<LaunchResponse> accepted(Launch launch) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/runs/" + launch.runId()))
                .body(new LaunchResponse(launch.runId(), launch.status().name()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paramsOf(Map<String, Object> body) {
        if (body == null) {
            return Map.of();
        }
        for (String key : body.keySet()) {
            if (!key.equals("params")) {
                throw new ApiRequestException("unknown field '" + key + "' in the body; it is {\"params\": {...}}");
            }
        }
        Object params = body.get("params");
        if (params == null) {
            return Map.of();
        }
        if (!(params instanceof Map)) {
            throw new ApiRequestException("field 'params' must be a JSON object of parameter values by name");
        }
        return (Map<String, Object>) params;
    }

    private static String checkedKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiRequestException("header '" + IDEMPOTENCY_KEY + "' must be 1 to 200 printable ASCII characters without spaces");
        }
        return key;
    }
}
