package org.perfect21.api;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.perfect21.retention.RunPurger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin purge endpoints over HTTP: roles, dry runs, the report, the list of purges and bad parameters. */
@ApiServerTest
class PurgeApiTests {

    
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void anAdminPurgesOldRunsAndADryRunBeforeOnlyCountsThem() {
        String old = launchAndAwait();
        String recent = launchAndAwait();
        // 31 days ago is past perfect21.retention.max-age (30 days by default).
        Instant monthAgo = Instant.now().minus(Duration.ofDays(31));
        jdbc.update("UPDATE P21_RUN SET CREATED_AT = ?, ENDED_AT = ? WHERE RUN_ID = ?", monthAgo.atOffset(java.time.ZoneOffset.UTC),
                monthAgo.plusSeconds(1).atOffset(java.time.ZoneOffset.UTC), old);

        ApiClient.Answer dry = api().post("/api/admin/purge?dryRun=true", ApiClient.ADMIN, null);
        assertThat(api().get("/api/runs/" + old, ApiClient.VIEWER).status()).isEqualTo(200);
        ApiClient.Answer purge = api().post("/api/admin/purge", ApiClient.ADMIN, null);

        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.contentType()).startsWith("application/json");
        JsonNode dryReport = dry.json();
        assertThat(dryReport.path("dryRun").asBoolean()).isTrue();
        assertThat(dryReport.path("trigger").asString()).isEqualTo("api");
        assertThat(dryReport.path("runsDeleted").asLong()).isEqualTo(1);
        assertThat(purge.status()).isEqualTo(200);
        JsonNode report = purge.json();
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("runsDeleted").asLong()).isEqualTo(1);
        assertThat(report.path("rowsDeleted").asLong()).isEqualTo(dryReport.path("rowsDeleted").asLong()).isGreaterThan(5);
        assertThat(report.path("rowsByTable").path("P21_AGENT_RESULT").asLong()).isEqualTo(1);
        assertThat(report.path("rowsByTable").propertyNames()).containsExactlyElementsOf(RunPurger.TABLES);
        assertThat(Instant.parse(report.path("cutoff").asString())).isBefore(Instant.now().minus(Duration.ofDays(30)).plusSeconds(60))
                .isAfter(monthAgo);
        assertThat(report.path("maxRuns").asInt()).isEqualTo(10_000);
        assertThat(report.path("durationMs").isNumber()).isTrue();
        assertThat(report.path("startedAt").asString()).isNotEmpty();
        assertThat(api().get("/api/runs/" + old, ApiClient.VIEWER).status()).isEqualTo(404);
        assertThat(api().get("/api/runs/" + recent, ApiClient.VIEWER).status()).isEqualTo(200);

        ApiClient.Answer list = api().get("/api/admin/purges?size=2", ApiClient.ADMIN);
        assertThat(list.status()).isEqualTo(200);
        JsonNode purges = list.json().path("purges");
        assertThat(purges.size()).isEqualTo(2);
        assertThat(purges.get(0).path("id").asLong()).isEqualTo(report.path("id").asLong());
        assertThat(purges.get(1).path("id").asLong()).isEqualTo(dryReport.path("id").asLong());
        assertThat(purges.get(1).path("dryRun").asBoolean()).isTrue();
        assertThat(purges.get(0).path("rowsByTable").path("P21_RUN").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdminsPurgeOrSeePurges() {
        assertProblem(api().post("/api/admin/purge", ApiClient.OPERATOR, null), 403, null);
        assertProblem(api().post("/api/admin/purge?dryRun=true", ApiClient.VIEWER, null), 403, null);
        assertProblem(api().get("/api/admin/purges", ApiClient.OPERATOR), 403, null);
        assertProblem(api().post("/api/admin/purge", null, null), 401, null);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem(api().post("/api/admin/purge?dryRun=maybe", ApiClient.ADMIN, null), 400, "dryRun");
        assertProblem(api().get("/api/admin/purges?size=0", ApiClient.ADMIN), 400, "size");
        assertProblem(api().get("/api/admin/purges?size=many", ApiClient.ADMIN), 400, "size");
        assertProblem(api().get("/api/admin/purge", ApiClient.ADMIN), 405, null);
    }

    @Test
    void theEndpointsAreDocumentedWithTheirProblems() {
        JsonNode paths = api().get("/v3/api-docs", null).json().path("paths");

        JsonNode purge = paths.path("/api/admin/purge").path("post");
        assertThat(purge.path("parameters").get(0).path("name").asString()).isEqualTo("dryRun");
        assertThat(purge.path("responses").propertyNames()).contains("200", "400", "401", "403", "409");
        assertThat(paths.path("/api/admin/purges").path("get").path("responses").propertyNames()).contains("200", "400");
    }

    private String launchAndAwait() {
        String runId = api().post("/api/workflows/quick/runs", ApiClient.OPERATOR, "{}").json().path("runId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(
                api().get("/api/runs/" + runId, ApiClient.VIEWER).json().path("status").asString()));
        return runId;
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String detailContains) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
        if (detailContains != null) {
            assertThat(answer.json().path("detail").asString()).contains(detailContains);
        }
    }
}
