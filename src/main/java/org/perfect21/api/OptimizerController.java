package org.perfect21.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.perfect21.optimizer.Decision;
import org.perfect21.optimizer.DecisionKind;
import org.perfect21.optimizer.DecisionLog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the optimizer and memory pressure decided. Viewer. */
@RestController
@Tag(name = "optimizer", description = "Decisions of the optimizer and of memory pressure")
class OptimizerController {

    private final DecisionLog decisions;

    OptimizerController(DecisionLog decisions) {
        this.decisions = decisions;
    }

    @GetMapping(path = "/api/optimizer/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Optimizer decisions", description = "Recorded decisions newest first, each with the inputs it "
            + "was taken from: pool-size (agent threads grown, shrunk or kept from their utilization), slo (pass, fail or "
            + "no-data per objective), cache-trim (trimmed or kept) and memory-pressure (entered or left).")
    @ApiProblem(status = 400, description = "kind is not a known kind, or size is out of range (named)")
    DecisionList list(
            @Parameter(description = "only decisions of this kind: pool-size, slo, cache-trim, memory-pressure")
            @RequestParam(required = false) String kind,
            @Parameter(description = "how many, 1 to 500") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        DecisionKind wanted = kind == null ? null : DecisionKind.of(kind).orElseThrow(() -> new ApiRequestException(
                "query parameter 'kind': '" + kind + "' is not one of " + String.join(", ",
                        DecisionKind.wires().stream().sorted().toList())));
        return new DecisionList(decisions.recent(wanted, size).stream().map(DecisionView::of).toList(), kind, size);
    }

    /** A page of decisions, newest first; {@code kind} is the filter asked for, or null. */
    record DecisionList(List<DecisionView> decisions, String kind, int size) {
    }

    /** One decision as the API shows it. */
    record DecisionView(long id, Instant decidedAt, String kind, String subject, String outcome, Map<String, Object> inputs,
                        String detail) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.id(), d.decidedAt(), d.kind().wire(), d.subject(), d.outcome(), d.inputs(), d.detail());
        }
    }
}
