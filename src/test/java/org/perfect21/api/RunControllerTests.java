package org.perfect21.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunQueries;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.perfect21.api.ApiSlice.operator;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.viewer;

/** The run endpoints in the web slice: what reaches the launcher, runner and queries, and what the client gets back. */
@ApiSliceTest
class RunControllerTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RunLauncher launcher;
    @Autowired
    WorkflowRunner runner;
    @Autowired
    RunQueries queries;

    @Test
    void aLaunchIsAcceptedWithTheRunsLocationAndItsParametersGoToTheLauncher() {
        given(launcher.launch(any(), anyMap(), any(), any())).willReturn(new Launch("r-1", RunStatus.QUEUED, false));

        MvcTestResult launch = launch("{\"params\": {\"path\": \".\", \"depth\": 3}}");

        assertThat(launch).hasStatus(202).hasHeader("Location", "/api/runs/r-1")
                .bodyJson().isStrictlyEqualTo("{\"runId\": \"r-1\", \"status\": \"QUEUED\"}");
        then(launcher).should().launch("quick", Map.of("path", ".", "depth", 3), null, "api");
    }

    @Test
    void aLaunchWithoutABodyHasNoParameters() {
        given(launcher.launch(any(), anyMap(), any(), any())).willReturn(new Launch("r-1", RunStatus.STARTING, false));

        MvcTestResult launch = mvc.post().uri("/api/workflows/quick/runs").with(operator()).exchange();

        assertThat(launch).hasStatus(202).bodyJson().extractingPath("$.status").isEqualTo("STARTING");
        then(launcher).should().launch("quick", Map.of(), null, "api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"params\": null}", "{\"params\": {}}"})
    void aBodyWithoutParameterValuesHasNoParameters(String body) {
        given(launcher.launch(any(), anyMap(), any(), any())).willReturn(new Launch("r-1", RunStatus.QUEUED, false));

        MvcTestResult launch = launch(body);

        assertThat(launch).hasStatus(202);
        then(launcher).should().launch("quick", Map.of(), null, "api");
    }

    @Test
    void theIdempotencyKeyGoesToTheLauncherAndARepeatAnswersWithTheSameRun() {
        String key = "k".repeat(200);
        given(launcher.launch(any(), anyMap(), any(), any())).willReturn(new Launch("r-1", RunStatus.RUNNING, true));

        MvcTestResult repeat = mvc.post().uri("/api/workflows/quick/runs").with(operator()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();

        assertThat(repeat).hasStatus(202).hasHeader("Location", "/api/runs/r-1")
                .bodyJson().isStrictlyEqualTo("{\"runId\": \"r-1\", \"status\": \"RUNNING\"}");
        then(launcher).should().launch("quick", Map.of(), key, "api");
    }

    static Stream<String> badIdempotencyKeys() {
        return Stream.of("", "has space", "tab\there", "caf\u00e9", "k".repeat(201));
    }

    @ParameterizedTest
    @MethodSource("badIdempotencyKeys")
    void anIdempotencyKeyThatIsNotOneTo200PrintableCharactersIsABadRequestNamingTheHeader(String key) {
        MvcTestResult launch = mvc.post().uri("/api/workflows/quick/runs").with(operator()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();

        assertThat(launch).satisfies(problem(400,
                "header 'Idempotency-Key' must be 1 to 200 printable ASCII characters without spaces"));
        then(launcher).shouldHaveNoInteractions();
    }

    @Test
    void aBodyFieldOtherThanParamsIsABadRequestNamingIt() {
        MvcTestResult launch = launch("{\"parms\": {}}");

        assertThat(launch).satisfies(problem(400, "unknown field 'parms' in the body; it is {\"params\": {...}}"));
        then(launcher).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"a\"", "7"})
    void paramsThatAreNoJsonObjectAreABadRequest(String params) {
        MvcTestResult launch = launch("{\"params\": " + params + "}");

        assertThat(launch).satisfies(problem(400, "field 'params' must be a JSON object of parameter values by name"));
        then(launcher).shouldHaveNoInteractions();
    }

    @Test
    void runsAreListedWithTheFiltersAndPageAsked() {
        Instant created = Instant.parse("2026-12-01T10:00:00Z");
        given(queries.page(any(), any(), anyInt(), anyInt())).willReturn(new RunQueries.RunPage(List.of(
                new RunQueries.RunSummary("r-9", "typed", RunStatus.COMPLETED, "api", created, created.plusSeconds(1),
                        created.plusSeconds(3), 2000L, null)), 2, 5, 11));

        MvcTestResult page = mvc.get().uri("/api/runs?workflow=typed&status=completed&page=2&size=5").with(viewer()).exchange();

        assertThat(page).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"runs": [{"runId": "r-9", "workflow": "typed", "status": "COMPLETED", "origin": "api",
                           "createdAt": "2026-12-01T10:00:00Z", "startedAt": "2026-12-01T10:00:01Z",
                           "endedAt": "2026-12-01T10:00:03Z", "durationMs": 2000, "error": null}],
                 "page": 2, "size": 5, "total": 11}""");
        then(queries).should().page("typed", RunStatus.COMPLETED, 2, 5);
    }

    @Test
    void runsAreListedFromTheFirstPageOfTwentyByDefault() {
        mvc.get().uri("/api/runs").with(viewer()).exchange();

        then(queries).should().page(null, null, 0, 20);
    }

    @Test
    void anUnknownStatusIsABadRequestListingTheKnownOnes() {
        MvcTestResult page = mvc.get().uri("/api/runs?status=DANCING").with(viewer()).exchange();

        assertThat(page).satisfies(problem(400,
                "query parameter 'status': 'DANCING' is not one of COMPLETED, FAILED, QUEUED, RUNNING, STARTING, STOPPED"));
        then(queries).shouldHaveNoInteractions();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            page=-1      | parameter 'page': '-1' must be greater than or equal to 0.
            page=1000001 | parameter 'page': '1000001' must be less than or equal to 1000000.
            size=0       | parameter 'size': '0' must be greater than or equal to 1.
            size=501     | parameter 'size': '501' must be less than or equal to 500.
            page=x       | The value 'x' of parameter 'page' is not an integer.
            size=many    | The value 'many' of parameter 'size' is not an integer.
            """)
    void aPageOrSizeOutOfRangeIsABadRequestNamingTheParameter(String query, String detail) {
        MvcTestResult page = mvc.get().uri("/api/runs?" + query).with(viewer()).exchange();

        assertThat(page).satisfies(problem(400, detail));
        then(queries).shouldHaveNoInteractions();
    }

    @Test
    void aRunIsShownAsItsDocument() {
        given(runner.document("r-1")).willReturn(new RunDocument("r-1", "quick", RunStatus.RUNNING,
                Instant.parse("2026-12-01T10:00:00Z"), null, null, null, List.of(new RunDocument.Phase("only",
                PhaseStatus.RUNNING, null, 0, 0, 1, List.of(RunDocument.Agent.pending("q")))), null));

        MvcTestResult run = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(run).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"runId": "r-1", "workflow": "quick", "status": "RUNNING", "startedAt": "2026-12-01T10:00:00Z",
                 "endedAt": null, "phases": [{"name": "only", "status": "RUNNING", "required": 1,
                                              "agents": [{"agent": "q", "status": "PENDING", "attempts": 0}]}]}""");
    }

    @Test
    void anAgentsOutputIsPlainTextWithItsTruncationFlag() {
        given(queries.outputs("r-1", "q")).willReturn(List.of(new RunQueries.StoredOutput("only", AgentStatus.COMPLETED,
                "h\u00e9llo", true, 1)));

        MvcTestResult output = mvc.get().uri("/api/runs/r-1/agents/q/output").with(viewer()).exchange();

        assertThat(output).hasStatusOk().hasContentType("text/plain;charset=UTF-8")
                .hasHeader("Perfect21-Output-Truncated", "true").hasBodyTextEqualTo("h\u00e9llo");
    }

    @Test
    void anAgentThatRanInSeveralPhasesNeedsThePhaseAsked() {
        given(queries.outputs("r-1", "a")).willReturn(List.of(
                new RunQueries.StoredOutput("build", AgentStatus.COMPLETED, "built", false, 1),
                new RunQueries.StoredOutput("test", AgentStatus.FAILED, "tested", false, 1)));

        MvcTestResult unchosen = mvc.get().uri("/api/runs/r-1/agents/a/output").with(viewer()).exchange();
        MvcTestResult chosen = mvc.get().uri("/api/runs/r-1/agents/a/output?phase=test").with(viewer()).exchange();
        MvcTestResult absent = mvc.get().uri("/api/runs/r-1/agents/a/output?phase=deploy").with(viewer()).exchange();

        assertThat(unchosen).satisfies(problem(400, "agent 'a' ran in phases build, test: add ?phase=<name>"));
        assertThat(chosen).hasStatusOk().hasHeader("Perfect21-Output-Truncated", "false").hasBodyTextEqualTo("tested");
        assertThat(absent).satisfies(problem(404, "agent 'a' has no stored output in phase 'deploy' of run r-1"));
    }

    @Test
    void noStoredOutputIsNotFoundSayingWhetherTheRunExists() {
        given(queries.exists("r-1")).willReturn(true);

        MvcTestResult ofAnAgent = mvc.get().uri("/api/runs/r-1/agents/nobody/output").with(viewer()).exchange();
        MvcTestResult ofARun = mvc.get().uri("/api/runs/r-2/agents/q/output").with(viewer()).exchange();

        assertThat(ofAnAgent).satisfies(problem(404, "run r-1 has no stored output of agent 'nobody'"));
        assertThat(ofARun).satisfies(problem(404, "no run with id 'r-2'"));
    }

    @ParameterizedTest
    @CsvSource({"true, STOPPED", "false, STOPPING"})
    void aStoppedRunIsStoppedWhenItWasQueuedAndStoppingWhenItRan(boolean wasQueued, String status) {
        given(launcher.stop("r-1")).willReturn(wasQueued);

        MvcTestResult stop = mvc.post().uri("/api/runs/r-1/stop").with(operator()).exchange();

        assertThat(stop).hasStatus(202).bodyJson().isStrictlyEqualTo("{\"runId\": \"r-1\", \"status\": \"" + status + "\"}");
    }

    @Test
    void aRestartIsAcceptedWithTheRunsLocation() {
        given(launcher.restart("r-1")).willReturn(new Launch("r-1", RunStatus.QUEUED, false));

        MvcTestResult restart = mvc.post().uri("/api/runs/r-1/restart").with(operator()).exchange();

        assertThat(restart).hasStatus(202).hasHeader("Location", "/api/runs/r-1")
                .bodyJson().isStrictlyEqualTo("{\"runId\": \"r-1\", \"status\": \"QUEUED\"}");
    }

    private MvcTestResult launch(String body) {
        return mvc.post().uri("/api/workflows/quick/runs").with(operator())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
