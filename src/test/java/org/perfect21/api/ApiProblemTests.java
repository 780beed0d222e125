package org.perfect21.api;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every 4xx and 5xx is an RFC 9457 problem document without stack trace or class names. */
class ApiProblemTests extends ApiTestSupport {

    private static final int MIB = 1024 * 1024;

    @Autowired
    ApplicationContext context;

    @Test
    void malformedJsonIs400SayingWhere() {
        HttpResponse<String> response = postJson("/api/test-probe", OPERATOR, "{\"name\": \"x\",\n \"count\": }");

        assertProblem(response, 400);
        String detail = json(response).get("detail").asString();
        assertThat(detail).contains("not valid JSON", "line 2");
        assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "Probe");
    }

    @Test
    void jsonOfTheWrongShapeIs400NamingTheField() {
        HttpResponse<String> response = postJson("/api/test-probe", OPERATOR, "{\"name\": \"x\", \"count\": \"many\"}");

        assertProblem(response, 400);
        assertThat(json(response).get("detail").asString()).contains("'count'");
        assertThat(response.body()).doesNotContain("Exception", "java.lang", "int");
    }

    @Test
    void aMissingBodyIs400() {
        HttpResponse<String> response = send(request("/api/test-probe", OPERATOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 400);
        assertThat(json(response).get("detail").asString()).contains("missing");
    }

    @Test
    void aBodyOverTheLimitIs413WhateverTheToken() {
        String body = jsonOfSize(MIB + 1);

        HttpResponse<String> withoutToken = postJson("/api/test-probe", null, body);
        HttpResponse<String> viewer = postJson("/api/test-probe", VIEWER, body);

        assertProblem(withoutToken, 413);
        assertProblem(viewer, 413);
        assertThat(json(viewer).get("detail").asString()).contains(String.valueOf(MIB));
    }

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
    void aWrongMethodIs405WithAllow() {
        HttpResponse<String> response = send(request("/api/test-probe", OPERATOR)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void aWrongMediaTypeIs415NamingTheSupportedOne() {
        HttpResponse<String> response = send(request("/api/test-probe", OPERATOR).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415);
        assertThat(json(response).get("detail").asString()).contains("text/plain", "application/json");
    }

    @Test
    void anUnacceptableMediaTypeIs406() {
        HttpResponse<String> response = send(request("/api/test-probe", VIEWER).header("Accept", "image/png").GET());

        assertProblem(response, 406);
    }

    @Test
    void anUnknownPathIs404() {
        HttpResponse<String> response = get("/api/no-such-thing", VIEWER);

        assertProblem(response, 404);
        assertThat(json(response).get("instance").asString()).isEqualTo("/api/no-such-thing");
        assertThat(response.body()).doesNotContain("static resource");
    }

    @Test
    void aBadParameterIs400NamingIt() {
        HttpResponse<String> mismatch = get("/api/test-probe/typed?count=lots", VIEWER);
        HttpResponse<String> missing = get("/api/test-probe/typed", VIEWER);

        assertProblem(mismatch, 400);
        assertThat(json(mismatch).get("detail").asString()).contains("'count'", "'lots'", "integer");
        assertProblem(missing, 400);
        assertThat(json(missing).get("detail").asString()).contains("count");
    }

    @Test
    void anUnexpectedExceptionIs500WithAnErrorIdAndNothingInternal() {
        HttpResponse<String> response = get("/api/test-probe/failure", VIEWER);

        assertProblem(response, 500);
        JsonNode problem = json(response);
        assertThat(problem.get("errorId").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(problem.get("errorId").asString());
        assertThat(response.body()).doesNotContain(TestProbeController.SECRET, "IllegalStateException", "java.", "at org.");
    }

    @Test
    void anExceptionThatDeclaresItsStatusKeepsIt() {
        HttpResponse<String> response = get("/api/test-probe/busy", VIEWER);

        assertProblem(response, 409);
        assertThat(json(response).get("detail").asString()).isEqualTo("The probe is busy.");
        assertThat(response.body()).doesNotContain(TestProbeController.SECRET);
    }

    @Test
    void aFailureOutsideSpringMvcIsAProblemToo() {
        HttpResponse<String> response = get("/api/test-filter-failure", VIEWER);

        assertProblem(response, 500);
        assertThat(json(response).get("instance").asString()).isEqualTo("/api/test-filter-failure");
        assertThat(response.body()).doesNotContain(TestProbeController.SECRET, "IOException", "trace");
    }

    @Test
    void theErrorPageIsOursNotBootsBasicErrorController() {
        assertThat(context.getBeansOfType(ErrorController.class).values())
                .singleElement().isInstanceOf(org.perfect21.api.problem.ProblemErrorController.class);

        HttpResponse<String> response = send(request("/error", null).header("Accept", "text/html").GET());

        assertThat(contentType(response)).startsWith("application/problem+json");
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
