package org.perfect21.api.problem;

import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfect21.api.ApiSliceTest;
import org.perfect21.history.RunQueries;
import org.perfect21.launch.RunLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.ResponseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.perfect21.api.ApiSlice.admin;
import static org.perfect21.api.ApiSlice.operator;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.viewer;

/**
 * Spring MVC's own exceptions, and any exception nothing else handles, as problems that say what is wrong in the
 * client's terms and nothing of the server's insides; in the web slice, through the real endpoints (and the test probe
 * where no endpoint has a typed body or a required parameter).
 */
@ApiSliceTest
class ApiExceptionHandlerTests {

    private static final String SECRET = "secret-internal-detail-42";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RunLauncher launcher;
    @Autowired
    RunQueries queries;

    @Test
    void malformedJsonIsABadRequestSayingWhere() {
        MvcTestResult launch = launch("{\"params\": {\"count\": 1,\n  \"path\": }}");

        assertThat(launch).satisfies(problem(400, "The request body is not valid JSON (line 2, column 11)."));
        assertThat(launch).bodyText().doesNotContain("tools.jackson", "Unexpected character");
        then(launcher).shouldHaveNoInteractions();
    }

    @Test
    void aBodyThatIsNoJsonObjectDoesNotHaveTheExpectedForm() {
        MvcTestResult launch = launch("[1, 2]");

        assertThat(launch).satisfies(problem(400, "The request body does not have the expected form (line 1, column 1)."));
        then(launcher).shouldHaveNoInteractions();
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        MvcTestResult probe = mvc.post().uri("/api/test-probe").with(operator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\", \"count\": \"many\"}").exchange();

        assertThat(probe).satisfies(problem(400,
                "The request body does not have the expected form at field 'count' (line 1, column 24)."));
        assertThat(probe).bodyText().doesNotContain("java.lang", "int", "Probe");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        MvcTestResult probe = mvc.post().uri("/api/test-probe").with(operator()).contentType(MediaType.APPLICATION_JSON)
                .exchange();

        assertThat(probe).satisfies(problem(400, "The request body is missing."));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeNamingTheSupportedOne() {
        MvcTestResult launch = mvc.post().uri("/api/workflows/quick/runs").with(operator())
                .contentType(MediaType.TEXT_PLAIN).content("hello").exchange();

        assertThat(launch).satisfies(problem(415, "Content-Type 'text/plain' is not supported; use application/json."))
                .hasHeader("Accept", "application/json");
        then(launcher).shouldHaveNoInteractions();
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIsNotAcceptable() {
        MvcTestResult runs = mvc.get().uri("/api/runs").with(viewer()).accept(MediaType.IMAGE_PNG).exchange();

        assertThat(runs).satisfies(problem(406, "Acceptable representations: [application/json]."));
        then(queries).shouldHaveNoInteractions();
    }

    @Test
    void anUnknownPathIsNotFoundSayingWhatWasAsked() {
        MvcTestResult unknown = mvc.get().uri("/api/no-such-thing").with(viewer()).exchange();

        assertThat(unknown).satisfies(problem(404, "There is nothing at GET /api/no-such-thing."));
        assertThat(unknown).bodyText().doesNotContain("static resource");
    }

    @Test
    void aMethodAPathDoesNotTakeIsNotAllowedNamingTheOnesItTakes() {
        MvcTestResult put = mvc.put().uri("/api/runs").with(operator()).exchange();

        assertThat(put).satisfies(problem(405, "Method 'PUT' is not supported.")).hasHeader("Allow", "GET");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/runs?page=x                  | The value 'x' of parameter 'page' is not an integer.
            /api/runs?size=1.5                | The value '1.5' of parameter 'size' is not an integer.
            /api/admin/purges?size=ten        | The value 'ten' of parameter 'size' is not an integer.
            """)
    void aValueOfTheWrongTypeIsNamedWithWhatWasExpected(String uri, String detail) {
        MvcTestResult answer = mvc.get().uri(uri).with(admin()).exchange();

        assertThat(answer).satisfies(problem(400, detail));
    }

    @Test
    void aLongWrongValueIsCutInTheDetail() {
        String value = "9".repeat(70);

        MvcTestResult page = mvc.get().uri("/api/runs?page=" + value).with(viewer()).exchange();

        assertThat(page).satisfies(problem(400, "The value '" + "9".repeat(61) + "...' of parameter 'page' is not an integer."));
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        MvcTestResult typed = mvc.get().uri("/api/test-probe/typed").with(viewer()).exchange();

        assertThat(typed).satisfies(problem(400, "Required parameter 'count' is not present."));
    }

    @Test
    void everyConstraintAParameterBreaksIsNamed() {
        MvcTestResult page = mvc.get().uri("/api/runs?page=-1&size=0").with(viewer()).exchange();

        assertThat(page).satisfies(problem(400, "parameter 'page': '-1' must be greater than or equal to 0; "
                + "parameter 'size': '0' must be greater than or equal to 1."));
        then(queries).shouldHaveNoInteractions();
    }

    @Test
    void anUnexpectedExceptionIsAServerErrorWithAnErrorIdAndNothingOfTheFailure() throws Exception {
        given(queries.page(any(), any(), anyInt(), anyInt())).willThrow(new IllegalStateException(SECRET));

        MvcTestResult page = mvc.get().uri("/api/runs").with(viewer()).exchange();

        assertThat(page).hasStatus(500).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(page).bodyJson().extractingPath("$.title").isEqualTo("Internal Server Error");
        assertThat(page).bodyJson().extractingPath("$.instance").isEqualTo("/api/runs");
        assertThat(page).bodyJson().extractingPath("$.errorId").asString().matches(UUID);
        String errorId = JsonPath.read(page.getResponse().getContentAsString(), "$.errorId");
        assertThat(page).bodyJson().extractingPath("$.detail")
                .isEqualTo("An unexpected error occurred; quote error id " + errorId + " when reporting it.");
        assertThat(page).bodyText().doesNotContain(SECRET, "IllegalStateException", "java.", "at org.");
    }

    @Test
    void anExceptionThatDeclaresItsStatusKeepsItAndItsReason() {
        given(queries.page(any(), any(), anyInt(), anyInt())).willThrow(new BusyException());

        MvcTestResult page = mvc.get().uri("/api/runs").with(viewer()).exchange();

        assertThat(page).satisfies(problem(409, "The run list is busy."));
        assertThat(page).bodyText().doesNotContain(SECRET);
    }

    @Test
    void anExceptionThatDeclaresAStatusWithoutAReasonGetsAGenericDetail() {
        given(queries.page(any(), any(), anyInt(), anyInt())).willThrow(new GoneException());

        MvcTestResult page = mvc.get().uri("/api/runs").with(viewer()).exchange();

        assertThat(page).satisfies(problem(410, "The request failed."));
        assertThat(page).bodyText().doesNotContain(SECRET);
    }

    private MvcTestResult launch(String body) {
        return mvc.post().uri("/api/workflows/quick/runs").with(operator()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    @ResponseStatus(code = HttpStatus.CONFLICT, reason = "The run list is busy.")
    static class BusyException extends RuntimeException {
        BusyException() {
            super(SECRET);
        }
    }

    @ResponseStatus(HttpStatus.GONE)
    static class GoneException extends RuntimeException {
        GoneException() {
            super(SECRET);
        }
    }
}
