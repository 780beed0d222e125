package org.perfect21.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens and roles over HTTP: 401 and 403 as problem documents, the role hierarchy, the open endpoints. */
class ApiSecurityTests extends ApiTestSupport {

    @Test
    void withoutATokenTheApiAnswers401WithABearerChallengeAndAProblem() {
        HttpResponse<String> response = get("/api/test-probe", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("detail").asString()).contains("missing or invalid");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/test-probe");
    }

    @Test
    void aWrongTokenIs401AndIsNotEchoed() {
        String wrong = "not-a-real-token-" + System.nanoTime();

        HttpResponse<String> response = get("/api/test-probe", wrong);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer").contains("invalid_token"));
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain(wrong);
    }

    @Test
    void anAuthorizationHeaderThatIsNotBearerIs401() {
        HttpResponse<String> response = send(request("/api/test-probe", null)
                .header("Authorization", "Basic dXNlcjpwYXNz").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void aViewerReadsButCannotChange() {
        assertThat(get("/api/test-probe", VIEWER).statusCode()).isEqualTo(200);

        HttpResponse<String> post = postJson("/api/test-probe", VIEWER, "{\"name\":\"x\",\"count\":1}");

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(contentType(post)).startsWith("application/problem+json");
        assertThat(json(post).get("detail").asString()).contains("operator");
    }

    @Test
    void anyMethodButGetAndHeadUnderTheApiNeedsAnOperator() {
        HttpResponse<String> delete = send(request("/api/test-probe", VIEWER).DELETE());

        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(send(request("/api/test-probe", OPERATOR).DELETE()).statusCode()).as("then 405: no such handler")
                .isEqualTo(405);
        assertThat(send(request("/api/test-probe", VIEWER).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorChangesButIsNotAnAdmin() {
        HttpResponse<String> post = postJson("/api/test-probe", OPERATOR, "{\"name\":\"x\",\"count\":1}");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(json(post).get("count").asInt()).isEqualTo(1);
        assertThat(get("/api/test-probe", OPERATOR).statusCode()).as("operator includes viewer").isEqualTo(200);

        HttpResponse<String> admin = get("/api/admin/test-probe", OPERATOR);

        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(json(admin).get("detail").asString()).contains("admin");
    }

    @Test
    void anAdminMayDoEverything() {
        assertThat(get("/api/admin/test-probe", ADMIN).statusCode()).isEqualTo(200);
        assertThat(get("/api/test-probe", ADMIN).statusCode()).isEqualTo(200);
        assertThat(postJson("/api/test-probe", ADMIN, "{\"name\":\"x\",\"count\":2}").statusCode()).isEqualTo(200);
    }

    @Test
    void anAccessDeniedExceptionInAControllerIs403NotA500() {
        HttpResponse<String> response = get("/api/test-probe/denied", VIEWER);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(TestProbeController.SECRET);
    }

    @Test
    void healthIsOpenAndShowsDetailsOnlyWithAToken() {
        HttpResponse<String> open = get("/actuator/health", null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json(open).get("status").asString()).isEqualTo("UP");
        assertThat(json(open).has("components")).isFalse();
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        assertThat(json(get("/actuator/health", VIEWER)).has("components")).isTrue();
    }

    @Test
    void prometheusAndMetricsAreForAdminsOnly() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", VIEWER).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", OPERATOR).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", VIEWER).statusCode()).isEqualTo(403);

        HttpResponse<String> prometheus = get("/actuator/prometheus", ADMIN);

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("# TYPE jvm_memory_used_bytes gauge", "http_server_requests");
        assertThat(get("/actuator/metrics", ADMIN).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheApiNeedAToken() {
        assertThat(get("/somewhere", null).statusCode()).isEqualTo(401);
        assertThat(get("/somewhere", VIEWER).statusCode()).isEqualTo(404);
    }
}
