package org.perfect21.api;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.perfect21.optimizer.Optimizer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/optimizer/decisions: newest first, filtered by kind, viewer role, 400s naming the parameter. */
class OptimizerApiTests extends ApiTestSupport {

    @Autowired
    Optimizer optimizer;

    @Test
    void decisionsAreListedNewestFirstWithTheirInputs() {
        optimizer.tick();
        optimizer.tick();

        HttpResponse<String> all = get("/api/optimizer/decisions?size=6", VIEWER);
        HttpResponse<String> slo = get("/api/optimizer/decisions?kind=slo", VIEWER);

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonNode decisions = json(all).path("decisions");
        assertThat(decisions).hasSize(6);
        assertThat(java.time.Instant.parse(decisions.get(0).path("decidedAt").asString()))
                .isAfterOrEqualTo(java.time.Instant.parse(decisions.get(5).path("decidedAt").asString()));
        assertThat(decisions.get(0).path("id").asLong()).isGreaterThan(decisions.get(5).path("id").asLong());
        JsonNode pool = json(get("/api/optimizer/decisions?kind=pool-size&size=1", VIEWER)).path("decisions").get(0);
        assertThat(pool.path("kind").asString()).isEqualTo("pool-size");
        assertThat(pool.path("subject").asString()).isEqualTo("agent-threads");
        // The last window lasted from one tick to the next with nothing running: idle, so the pool shrinks by 30 %
        // (rounded down) unless it is at its lower bound already.
        JsonNode inputs = pool.path("inputs");
        int before = inputs.path("agentThreads").asInt();
        int min = inputs.path("minAgentThreads").asInt();
        assertThat(inputs.path("utilization").asDouble()).isLessThan(0.30);
        assertThat(inputs.path("newAgentThreads").asInt()).isEqualTo(Math.max(min, (int) Math.floor(before * 0.7)));
        assertThat(pool.path("outcome").asString()).isEqualTo(before > min ? "shrink" : "keep");
        assertThat(pool.path("detail").asString()).contains("agent threads");
        assertThat(slo.statusCode()).isEqualTo(200);
        assertThat(json(slo).path("kind").asString()).isEqualTo("slo");
        assertThat(json(slo).path("decisions").findValuesAsString("kind")).isNotEmpty().containsOnly("slo");
    }

    @Test
    void anUnknownKindOrASizeOutOfRangeIsABadRequestNamingIt() {
        assertProblem(get("/api/optimizer/decisions?kind=nope", VIEWER), 400,
                "query parameter 'kind': 'nope' is not one of cache-trim, memory-pressure, pool-size, slo");
        assertProblem(get("/api/optimizer/decisions?size=0", VIEWER), 400, "size");
        assertProblem(get("/api/optimizer/decisions?size=501", VIEWER), 400, "size");
        assertProblem(get("/api/optimizer/decisions?size=many", VIEWER), 400, "parameter 'size'");
    }

    @Test
    void readingDecisionsNeedsAViewerToken() {
        assertThat(get("/api/optimizer/decisions", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/optimizer/decisions", VIEWER).statusCode()).isEqualTo(200);
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() {
        JsonNode document = json(get("/v3/api-docs", null));

        JsonNode operation = document.at("/paths/~1api~1optimizer~1decisions/get");
        assertThat(operation.path("summary").asString()).isEqualTo("Optimizer decisions");
        assertThat(operation.at("/responses/400/content").has("application/problem+json")).isTrue();
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detailContains) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(contentType(answer)).startsWith("application/problem+json");
        assertThat(json(answer).path("detail").asString()).contains(detailContains);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
