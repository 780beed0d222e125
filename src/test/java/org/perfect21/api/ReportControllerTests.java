package org.perfect21.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.report.InvalidReportParametersException;
import org.perfect21.report.NoSuchReportException;
import org.perfect21.report.ParameterType;
import org.perfect21.report.ReportCatalog;
import org.perfect21.report.ReportDefinition;
import org.perfect21.report.ReportParameter;
import org.perfect21.report.ReportResult;
import org.perfect21.report.ReportRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.perfect21.api.ApiSlice.admin;
import static org.perfect21.api.ApiSlice.problem;

/** The admin reports in the web slice: listing, query parameters to the runner, JSON and CSV answers, their problems. */
@ApiSliceTest
class ReportControllerTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ReportCatalog catalog;
    @Autowired
    ReportRunner runner;

    @Test
    void reportsAreListedWithTheirParameters() {
        given(catalog.all()).willReturn(List.of(new ReportDefinition("workflow-summary", "Workflow summary", "Runs by workflow",
                List.of(new ReportParameter("from", ParameterType.TIMESTAMP, false, "now-7d", "start of the window"),
                        new ReportParameter("workflow", ParameterType.TEXT, false, null, null)),
                "SELECT 1", "db/reports/workflow-summary.sql")));

        MvcTestResult list = mvc.get().uri("/api/reports").with(admin()).exchange();

        assertThat(list).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"reports": [{"name": "workflow-summary", "title": "Workflow summary", "description": "Runs by workflow",
                              "parameters": [{"name": "from", "type": "timestamp", "required": false,
                                              "defaultValue": "now-7d", "description": "start of the window"},
                                             {"name": "workflow", "type": "text", "required": false,
                                              "defaultValue": null, "description": null}]}]}""");
        assertThat(list).bodyText().doesNotContain("SELECT");
    }

    @Test
    void aReportRunsWithTheQueryParametersAndAnswersByColumn() {
        given(runner.run(any(), anyMap())).willReturn(summary(false));

        MvcTestResult json = mvc.get().uri("/api/reports/workflow-summary?workflow=nightly&from=now-1d").with(admin()).exchange();

        assertThat(json).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"report": "workflow-summary", "params": {"workflow": "nightly"}, "columns": ["workflow", "runs"],
                 "rows": [{"workflow": "nightly", "runs": 2}], "truncated": false}""");
        then(runner).should().run("workflow-summary", Map.of("workflow", "nightly", "from", "now-1d"));
    }

    @Test
    void aReportAskedAsCsvHasAHeaderRowAndSaysWhetherItWasTruncated() {
        given(runner.run(any(), anyMap())).willReturn(summary(true));

        MvcTestResult csv = mvc.get().uri("/api/reports/workflow-summary").with(admin()).accept("text/csv").exchange();

        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8")
                .hasHeader("Content-Disposition", "inline; filename=\"workflow-summary.csv\"")
                .hasHeader("Perfect21-Report-Truncated", "true")
                .hasBodyTextEqualTo("workflow,runs\nnightly,2\n");
        then(runner).should().run("workflow-summary", Map.of());
    }

    @Test
    void aParameterGivenTwiceIsABadRequestAndTheReportDoesNotRun() {
        MvcTestResult twice = mvc.get().uri("/api/reports/workflow-summary?workflow=a&workflow=b").with(admin()).exchange();

        assertThat(twice).satisfies(problem(400, "parameter 'workflow' is given 2 times"));
        then(runner).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/csv"})
    void badParametersAreEachNamedInAProblemWhateverWasAccepted(String accept) {
        given(runner.run(any(), anyMap())).willThrow(new InvalidReportParametersException("workflow-summary",
                Map.of("from", "'yesterday' is not an instant", "colour", "no such parameter")));

        MvcTestResult bad = mvc.get().uri("/api/reports/workflow-summary?from=yesterday&colour=red").with(admin())
                .accept(accept).exchange();

        assertThat(bad).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(bad).bodyJson().extractingPath("$.parameters").isEqualTo(List.of("colour", "from"));
        assertThat(bad).bodyJson().extractingPath("$.errors")
                .isEqualTo(List.of("colour: no such parameter", "from: 'yesterday' is not an instant"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/csv"})
    void anUnknownReportIsNotFoundWhateverWasAccepted(String accept) {
        given(runner.run(any(), anyMap())).willThrow(new NoSuchReportException("nope", "failures, workflow-summary"));

        MvcTestResult unknown = mvc.get().uri("/api/reports/nope").with(admin()).accept(accept).exchange();

        assertThat(unknown).satisfies(problem(404, "no report named 'nope' (available: failures, workflow-summary)"));
    }

    private static ReportResult summary(boolean truncated) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("workflow", "nightly");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workflow", "nightly");
        row.put("runs", 2L);
        return new ReportResult("workflow-summary", params, List.of("workflow", "runs"), List.of(row), truncated);
    }
}
