package org.perfect21.api.problem;

import java.io.IOException;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfect21.api.ApiSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's error page as a problem document. The slice has no container, so the error dispatch is played by
 * setting the attributes the container sets; that a failing filter really ends here is left to {@code ApiProblemTests}.
 */
@ApiSliceTest
class ProblemErrorControllerTests {

    private static final String SECRET = "secret-internal-detail-42";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void theErrorPageIsOursAndNotBootsBasicErrorController() {
        assertThat(context.getBeansOfType(ErrorController.class).values()).singleElement()
                .isInstanceOf(ProblemErrorController.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            400 | Bad Request            | The request is malformed.
            401 | Unauthorized           | A valid bearer token is required.
            403 | Forbidden              | The request is not allowed.
            404 | Not Found              | There is nothing at GET /api/runs.
            405 | Method Not Allowed     | The method GET is not allowed on /api/runs.
            413 | Content Too Large      | The request body is too large.
            418 | I'm a teapot           | The request failed with status 418.
            """)
    void anErrorDispatchIsAProblemForThePathThatFailedWhateverTheClientAccepts(int status, String title, String detail) {
        MvcTestResult error = errorDispatch(status).exchange();

        assertThat(error).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Cache-Control", "no-store");
        assertThat(error).bodyJson().isStrictlyEqualTo("""
                {"title": "%s", "status": %d, "detail": "%s", "instance": "/api/runs"}"""
                .formatted(title, status, detail));
    }

    @Test
    void aServerErrorIsAnErrorIdAndNothingOfTheFailure() throws Exception {
        MvcTestResult error = errorDispatch(500).requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IOException(SECRET)).exchange();

        assertThat(error).hasStatus(500).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String errorId = JsonPath.read(error.getResponse().getContentAsString(), "$.errorId");
        assertThat(error).bodyJson().extractingPath("$.detail")
                .isEqualTo("An unexpected error occurred; quote error id " + errorId + " when reporting it.");
        assertThat(errorId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(error).bodyText().doesNotContain(SECRET, "IOException", "trace");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        MvcTestResult error = mvc.get().uri("/error").exchange();

        assertThat(error).hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("There is nothing at GET /error.");
    }

    private MockMvcTester.MockMvcRequestBuilder errorDispatch(int status) {
        return mvc.get().uri("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/runs");
    }
}
