package org.perfect21.api;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens and roles over HTTP: 401 and 403 as problem documents, the role hierarchy, the open endpoints. */
class ApiSecurityTests extends ApiTestSupport {

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

}
