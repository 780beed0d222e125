package org.perfect21.api;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin reports over HTTP: listing, JSON and CSV answers, roles, and named parameter errors. */
@ApiServerTest
class ReportApiTests {

    
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api() {
        return new ApiClient(port);
    }

    private void completedRun(String id, String workflow, long millis) {
        Instant ended = Instant.now().minus(Duration.ofMinutes(10));
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, CREATED_AT, STARTED_AT, ENDED_AT) VALUES (?, ?, 'COMPLETED', ?, ?, ?)",
                id, workflow, ended.minusMillis(millis + 5).atOffset(ZoneOffset.UTC), ended.minusMillis(millis).atOffset(ZoneOffset.UTC),
                ended.atOffset(ZoneOffset.UTC));
    }

    @Test
    void anAdminListsTheReportsWithTheirParameters() {
        ApiClient.Answer answer = api().get("/api/reports", ApiClient.ADMIN);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode reports = answer.json().path("reports");
        assertThat(reports.valueStream().map(r -> r.path("name").asString()).toList()).contains("workflow-summary",
                "agent-performance", "failures", "throughput", "slo", "context-usage", "cache", "retention", "gates");
        JsonNode summary = reports.valueStream().filter(r -> r.path("name").asString().equals("workflow-summary")).findFirst().orElseThrow();
        assertThat(summary.path("title").asString()).isNotEmpty();
        JsonNode from = summary.path("parameters").valueStream().filter(p -> p.path("name").asString().equals("from")).findFirst().orElseThrow();
        assertThat(from.path("type").asString()).isEqualTo("timestamp");
        assertThat(from.path("required").asBoolean()).isFalse();
        assertThat(from.path("defaultValue").asString()).startsWith("now");
    }

    @Test
    void aReportAnswersJsonByColumnAndCsvWithAHeaderRow() {
        completedRun("rep-api-1", "report-api-wf", 100);
        completedRun("rep-api-2", "report-api-wf", 300);

        ApiClient.Answer json = api().get("/api/reports/workflow-summary?workflow=report-api-wf&from=now-1d", ApiClient.ADMIN);
        ApiClient.Answer csv = api().send(api().request("/api/reports/workflow-summary?workflow=report-api-wf", ApiClient.ADMIN)
                .header("Accept", "text/csv").GET().build());

        assertThat(json.status()).isEqualTo(200);
        JsonNode body = json.json();
        assertThat(body.path("report").asString()).isEqualTo("workflow-summary");
        assertThat(body.path("params").path("workflow").asString()).isEqualTo("report-api-wf");
        assertThat(body.path("columns").valueStream().map(JsonNode::asString).toList()).startsWith("workflow", "runs");
        assertThat(body.path("rows").size()).isEqualTo(1);
        assertThat(body.path("rows").get(0).path("workflow").asString()).isEqualTo("report-api-wf");
        assertThat(body.path("rows").get(0).path("runs").asLong()).isEqualTo(2);
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.response().body().split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", body.path("columns").valueStream().map(JsonNode::asString).toList()));
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("report-api-wf,2,");
    }

    @Test
    void onlyAdminsReadReports() {
        assertThat(api().get("/api/reports", null).status()).isEqualTo(401);
        assertThat(api().get("/api/reports", ApiClient.VIEWER).status()).isEqualTo(403);
        assertThat(api().get("/api/reports", ApiClient.OPERATOR).status()).isEqualTo(403);
        assertThat(api().get("/api/reports/retention", ApiClient.OPERATOR).status()).isEqualTo(403);
        assertThat(api().get("/api/reports/retention", ApiClient.ADMIN).status()).isEqualTo(200);
    }

    @Test
    void anUnknownReportIs404AndEveryBadParameterIsNamedIn400() {
        ApiClient.Answer unknown = api().get("/api/reports/nope", ApiClient.ADMIN);
        ApiClient.Answer bad = api().get("/api/reports/workflow-summary?from=yesterday&colour=red", ApiClient.ADMIN);
        ApiClient.Answer twice = api().get("/api/reports/workflow-summary?workflow=a&workflow=b", ApiClient.ADMIN);
        HttpRequest csvRequest = api().request("/api/reports/workflow-summary?from=yesterday", ApiClient.ADMIN)
                .header("Accept", "text/csv").GET().build();
        ApiClient.Answer badCsv = api().send(csvRequest);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("detail").asString()).contains("'nope'", "workflow-summary");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("parameters").valueStream().map(JsonNode::asString).toList()).containsExactly("colour", "from");
        assertThat(bad.json().path("errors").toString()).contains("'yesterday' is not an instant", "no such parameter");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("detail").asString()).contains("'workflow' is given 2 times");
        assertThat(badCsv.status()).as("a problem even when CSV was asked for").isEqualTo(400);
        assertThat(badCsv.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theBoundsAReportDerivesFromItsWindowAreNeitherListedNorAccepted() {
        ApiClient.Answer list = api().get("/api/reports", ApiClient.ADMIN);
        ApiClient.Answer given = api().get("/api/reports/cache?rollup_from=2026-11-01&rollup_to=now", ApiClient.ADMIN);

        JsonNode cache = list.json().path("reports").valueStream().filter(r -> r.path("name").asString().equals("cache"))
                .findFirst().orElseThrow();
        assertThat(cache.path("parameters").valueStream().map(p -> p.path("name").asString()).toList())
                .containsExactly("from", "to", "agent");
        assertThat(given.status()).isEqualTo(400);
        assertThat(given.json().path("parameters").valueStream().map(JsonNode::asString).toList())
                .containsExactly("rollup_from", "rollup_to");
        assertThat(given.json().path("errors").toString()).contains("no such parameter");
    }
}
