package org.perfect21.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.perfect21.report.ReportCatalog;
import org.perfect21.report.ReportCsv;
import org.perfect21.report.ReportDefinition;
import org.perfect21.report.ReportResult;
import org.perfect21.report.ReportRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin reports over the run history: the SQL files in {@code db/reports}, run read-only. Admin only. */
@RestController
@Tag(name = "reports", description = "Admin reports over the run history (plain SQL in db/reports, run read-only)")
class ReportController {

    static final String TEXT_CSV = "text/csv";

    private final ReportCatalog catalog;
    private final ReportRunner runner;

    ReportController(ReportCatalog catalog, ReportRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
    }

    @GetMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the reports", description = "Every report with its title, description and parameters "
            + "(type, default, whether required).")
    ReportList reports() {
        return new ReportList(catalog.all().stream().map(ReportView::of).toList());
    }

    @GetMapping(path = "/api/reports/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run a report", description = "Runs the report with the parameters given as query parameters "
            + "(?from=now-24h&workflow=nightly); a parameter not given takes its default. The query runs in a read-only "
            + "transaction that is rolled back, with its parameters bound. Ask for text/csv (Accept) to get CSV with a header row.")
    @ApiResponse(responseCode = "200", description = "{report, params, columns, rows, truncated}",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReportResult.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiProblem(status = 400, description = "a parameter is unknown, malformed or missing (each is named under errors)")
    @ApiProblem(status = 404, description = "no report has this name")
    ReportResult run(@Parameter(description = "the report's name, as GET /api/reports lists") @PathVariable String name,
                     @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return runner.run(name, single(params));
    }

    @GetMapping(path = "/api/reports/{name}", produces = TEXT_CSV)
    @Operation(hidden = true)
    ResponseEntity<String> runAsCsv(@PathVariable String name, @RequestParam MultiValueMap<String, String> params) {
        ReportResult result = runner.run(name, single(params));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".csv\"")
                .header("Perfect21-Report-Truncated", String.valueOf(result.truncated()))
                .body(ReportCsv.write(result));
    }

    /** A parameter given twice is a mistake worth naming, not a value to pick silently. */
    private static Map<String, String> single(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((key, list) -> {
            if (list.size() > 1) {
                throw new ApiRequestException("parameter '" + key + "' is given " + list.size() + " times");
            }
            values.put(key, list.isEmpty() ? null : list.get(0));
        });
        return values;
    }

    /** Every report. */
    record ReportList(List<ReportView> reports) {
    }

    /** A report as listed. */
    record ReportView(String name, String title, String description, List<ParameterView> parameters) {

        static ReportView of(ReportDefinition report) {
            return new ReportView(report.name(), report.title(), report.description(), report.parameters().stream()
                    .map(p -> new ParameterView(p.name(), p.type().keyword(), p.required(), p.defaultValue(), p.description()))
                    .toList());
        }
    }

    /** A parameter as listed; {@code defaultValue} null and not required means "not set" unless given. */
    record ParameterView(String name, String type, boolean required, String defaultValue, String description) {
    }
}
