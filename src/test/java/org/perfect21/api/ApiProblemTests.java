package org.perfect21.api;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problem documents where only a real container shows them (chunked bodies, failures outside Spring MVC); the web layer's
 * own answers are covered by the slices ({@code @ApiSliceTest}).
 */
class ApiProblemTests extends ApiTestSupport {

    private static final int MIB = 1024 * 1024;

    @Autowired
    ApplicationContext context;

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] body = jsonOfSize(MIB + 10).getBytes();

        HttpResponse<String> response = send(request("/api/test-probe", OPERATOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() {
        byte[] body = jsonOfSize(MIB - 10).getBytes();

        HttpResponse<String> response = send(request("/api/test-probe", OPERATOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aFailureOutsideSpringMvcIsAProblemToo() {
        HttpResponse<String> response = get("/api/test-filter-failure", VIEWER);

        assertProblem(response, 500);
        assertThat(json(response).get("instance").asString()).isEqualTo("/api/test-filter-failure");
        assertThat(response.body()).doesNotContain(TestProbeController.SECRET, "IOException", "trace");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("\"trace\"", "\"exception\"", "Exception:");
    }

    /** A valid probe document of exactly {@code size} bytes. */
    private static String jsonOfSize(int size) {
        String start = "{\"count\":1,\"name\":\"";
        String end = "\"}";
        char[] filler = new char[size - start.length() - end.length()];
        Arrays.fill(filler, 'a');
        return start + new String(filler) + end;
    }
}
