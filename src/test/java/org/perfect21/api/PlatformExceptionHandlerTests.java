package org.perfect21.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfect21.execution.RunNotRestartableException;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.NoSuchOutputException;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.launch.IdempotencyConflictException;
import org.perfect21.launch.LaunchesClosedException;
import org.perfect21.launch.QueueFullException;
import org.perfect21.launch.RunNotStoppableException;
import org.perfect21.report.InvalidReportParametersException;
import org.perfect21.report.NoSuchReportException;
import org.perfect21.retention.PurgeInProgressException;
import org.perfect21.schedule.NoSuchScheduleException;
import org.perfect21.workflow.DefinitionProblem;
import org.perfect21.workflow.InvalidDefinitionsException;
import org.perfect21.workflow.InvalidParametersException;
import org.perfect21.workflow.NoSuchWorkflowException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.BDDMockito.given;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.viewer;

/**
 * Each of the platform's exceptions becomes the problem it means, whichever endpoint raises it: here the runner behind
 * {@code GET /api/runs/r-1} raises them all.
 */
@ApiSliceTest
class PlatformExceptionHandlerTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WorkflowRunner runner;

    static Stream<Arguments> exceptions() {
        return Stream.of(
                arguments(new NoSuchWorkflowException("nope", List.of("quick", "typed")), 404, "Not found",
                        "unknown workflow 'nope' (known: quick, typed)"),
                arguments(new NoSuchRunException("r-1"), 404, "Not found", "no run with id 'r-1'"),
                arguments(new NoSuchOutputException("no output"), 404, "Not found", "no output"),
                arguments(new NoSuchScheduleException("quick"), 404, "Not found", "workflow 'quick' has no schedule"),
                arguments(new NoSuchReportException("nope", "failures, slo"), 404, "Not found",
                        "no report named 'nope' (available: failures, slo)"),
                arguments(new ApiRequestException("a bad header"), 400, "Bad request", "a bad header"),
                arguments(new IdempotencyConflictException("r-0"), 422, "Idempotency-Key reused",
                        "this Idempotency-Key was used for run r-0 with a different request; use a new key for a new launch"),
                arguments(new RunNotRestartableException("run r-1 is RUNNING"), 409, "Conflict with the run's state",
                        "run r-1 is RUNNING"),
                arguments(new RunNotStoppableException("run r-1 has ended"), 409, "Conflict with the run's state",
                        "run r-1 has ended"),
                arguments(new PurgeInProgressException(), 409, "Purge running",
                        "a purge of the run history is already running; try again when it has ended"));
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @MethodSource("exceptions")
    void anExceptionOfThePlatformIsTheProblemItMeans(RuntimeException exception, int status, String title, String detail) {
        given(runner.document("r-1")).willThrow(exception);

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).satisfies(problem(status, detail)).doesNotContainHeader("Retry-After");
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo(title);
    }

    @Test
    void invalidLaunchParametersAreEachListedUnderErrors() {
        given(runner.document("r-1")).willThrow(new InvalidParametersException("typed",
                List.of("parameter 'count': 'many' is not an integer", "unknown parameter 'colour'")));

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).satisfies(problem(400, "parameter 'count': 'many' is not an integer; unknown parameter 'colour'"));
        assertThat(answer).bodyJson().extractingPath("$.errors")
                .isEqualTo(List.of("parameter 'count': 'many' is not an integer", "unknown parameter 'colour'"));
    }

    @Test
    void invalidReportParametersAreListedByNameInOrder() {
        given(runner.document("r-1")).willThrow(new InvalidReportParametersException("slo",
                Map.of("from", "'yesterday' is not an instant", "colour", "no such parameter")));

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).hasStatus(400).bodyJson().extractingPath("$.title").isEqualTo("Invalid parameters");
        assertThat(answer).bodyJson().extractingPath("$.errors")
                .isEqualTo(List.of("colour: no such parameter", "from: 'yesterday' is not an instant"));
        assertThat(answer).bodyJson().extractingPath("$.parameters").isEqualTo(List.of("colour", "from"));
    }

    @Test
    void aFullQueueIsTooManyRequestsWithTheRetryAfterItEstimates() {
        given(runner.document("r-1")).willThrow(new QueueFullException(100, 7));

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).satisfies(problem(429, "the launch queue is full (100 runs waiting); retry in about 7 s"))
                .hasHeader("Retry-After", "7");
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo("Launch queue full");
    }

    @Test
    void aServerShuttingDownIsUnavailableForTenSeconds() {
        given(runner.document("r-1")).willThrow(new LaunchesClosedException());

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).satisfies(problem(503,
                "Perfect21 is shutting down and accepts no launches; retry against the restarted server"))
                .hasHeader("Retry-After", "10");
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo("Shutting down");
    }

    @Test
    void definitionsThatDoNotLoadAreUnavailableWithoutSayingWhereTheFilesAre() {
        given(runner.document("r-1")).willThrow(new InvalidDefinitionsException(List.of(
                new DefinitionProblem(Path.of("/srv/jobs/workflows/broken.yml"), 3, "phases", "must not be empty"))));

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).satisfies(problem(503,
                "the server's workflow definitions are invalid; an operator must fix them (see `validate`)"))
                .doesNotContainHeader("Retry-After");
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo("Definitions do not load");
        assertThat(answer).bodyText().doesNotContain("broken.yml", "must not be empty");
    }
}
