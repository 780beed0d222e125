package org.perfect21.api;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The run and workflow endpoints over HTTP: status codes, problem details, headers and bodies. */
@ApiServerTest
class RunApiTests {

    
    @LocalServerPort
    int port;

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void workflowsAreListedAndShownWithTheirParameters() {
        ApiClient.Answer list = api().get("/api/workflows", ApiClient.VIEWER);
        ApiClient.Answer typed = api().get("/api/workflows/typed", ApiClient.VIEWER);
        ApiClient.Answer unknown = api().get("/api/workflows/nope", ApiClient.VIEWER);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("workflows").findValuesAsString("name")).contains("quick", "typed", "sleeper");
        assertThat(typed.status()).isEqualTo(200);
        JsonNode count = typed.json().path("parameters").get(0);
        assertThat(count.path("name").asString()).isEqualTo("count");
        assertThat(count.path("type").asString()).isEqualTo("integer");
        assertThat(count.path("required").asBoolean()).isTrue();
        assertThat(typed.json().path("phases").get(0).path("agents").get(0).asString()).isEqualTo("t");
        assertProblem(unknown, 404, "unknown workflow 'nope'");
    }

    @Test
    void aLaunchIsAcceptedAtOnceWithItsLocationAndTheRunCanBeFollowedToItsEnd() {
        ApiClient.Answer launch = api().post("/api/workflows/quick/runs", ApiClient.OPERATOR, "{\"params\":{}}");

        assertThat(launch.status()).isEqualTo(202);
        String runId = launch.json().path("runId").asString();
        assertThat(launch.header("Location")).isEqualTo("/api/runs/" + runId);
        assertThat(launch.json().path("status").asString()).isIn("QUEUED", "STARTING");
        JsonNode run = awaitEnded(runId);
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("phases").get(0).path("agents").get(0).path("status").asString()).isEqualTo("COMPLETED");

        ApiClient.Answer output = api().get("/api/runs/" + runId + "/agents/q/output", ApiClient.VIEWER);
        assertThat(output.status()).isEqualTo(200);
        assertThat(output.contentType()).startsWith("text/plain");
        assertThat(output.body()).hasSize(100);
        assertThat(output.header("Perfect21-Output-Truncated")).isEqualTo("false");
        assertProblem(api().get("/api/runs/" + runId + "/agents/nobody/output", ApiClient.VIEWER), 404, "no stored output");
        assertProblem(api().get("/api/runs/no-such-run/agents/q/output", ApiClient.VIEWER), 404, "no-such-run");
        assertProblem(api().get("/api/runs/no-such-run", ApiClient.VIEWER), 404, "no-such-run");
    }

    @Test
    void aLaunchWithoutABodyUsesNoParameters() {
        ApiClient.Answer launch = api().post("/api/workflows/quick/runs", ApiClient.OPERATOR, null);

        assertThat(launch.status()).isEqualTo(202);
    }

    @Test
    void badLaunchesAreProblemsNamingWhatIsWrong() {
        ApiClient.Answer badParams = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR,
                "{\"params\":{\"count\":\"many\",\"colour\":\"red\"}}");
        ApiClient.Answer missing = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR, "{}");
        ApiClient.Answer unknownField = api().post("/api/workflows/quick/runs", ApiClient.OPERATOR, "{\"parms\":{}}");
        ApiClient.Answer notAnObject = api().post("/api/workflows/quick/runs", ApiClient.OPERATOR, "{\"params\":[1]}");
        ApiClient.Answer unknownWorkflow = api().post("/api/workflows/nope/runs", ApiClient.OPERATOR, "{}");
        ApiClient.Answer badKey = api().post("/api/workflows/quick/runs", ApiClient.OPERATOR, "{}", "has space");

        assertProblem(badParams, 400, "count");
        assertThat(badParams.json().path("errors").size()).isEqualTo(2);
        assertThat(badParams.body()).contains("colour");
        assertProblem(missing, 400, "count");
        assertProblem(unknownField, 400, "unknown field 'parms'");
        assertProblem(notAnObject, 400, "'params' must be a JSON object");
        assertProblem(unknownWorkflow, 404, "unknown workflow 'nope'");
        assertProblem(badKey, 400, "Idempotency-Key");
    }

    @Test
    void anIdempotentRepeatReturnsTheSameRunAndAnotherBodyWithTheKeyIsRefused() {
        ApiClient.Answer first = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR, "{\"params\":{\"count\":2}}", "deploy-42");
        ApiClient.Answer repeat = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR, "{\"params\": {\"count\": 2}}", "deploy-42");
        ApiClient.Answer other = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR, "{\"params\":{\"count\":3}}", "deploy-42");

        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.json().path("runId").asString()).isEqualTo(first.json().path("runId").asString());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertProblem(other, 422, first.json().path("runId").asString());
    }

    @Test
    void runsAreListedNewestFirstInPagesAndFilteredByWorkflowAndStatus() {
        String older = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR, "{\"params\":{\"count\":1}}").json().path("runId").asString();
        String newer = api().post("/api/workflows/typed/runs", ApiClient.OPERATOR, "{\"params\":{\"count\":1}}").json().path("runId").asString();
        awaitEnded(older);
        awaitEnded(newer);

        ApiClient.Answer page = api().get("/api/runs?workflow=typed&status=completed&page=0&size=1", ApiClient.VIEWER);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("page").asInt()).isZero();
        assertThat(page.json().path("size").asInt()).isOne();
        assertThat(page.json().path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.json().path("runs").size()).isOne();
        assertThat(page.json().path("runs").get(0).path("runId").asString()).isEqualTo(newer);
        assertThat(page.json().path("runs").get(0).path("origin").asString()).isEqualTo("api");
        assertThat(api().get("/api/runs?workflow=typed&status=COMPLETED&page=1&size=1", ApiClient.VIEWER)
                .json().path("runs").get(0).path("runId").asString()).isEqualTo(older);
        assertProblem(api().get("/api/runs?status=DANCING", ApiClient.VIEWER), 400, "status");
        assertProblem(api().get("/api/runs?size=0", ApiClient.VIEWER), 400, "size");
        assertProblem(api().get("/api/runs?page=x", ApiClient.VIEWER), 400, "page");
    }

    @Test
    void aRunningRunIsStoppedAndRestartedOverTheApi() {
        String runId = api().post("/api/workflows/sleeper/runs", ApiClient.OPERATOR, "{}").json().path("runId").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(agentStatus(runId, 1)));

        ApiClient.Answer viewerStop = api().post("/api/runs/" + runId + "/stop", ApiClient.VIEWER, null);
        ApiClient.Answer stop = api().post("/api/runs/" + runId + "/stop", ApiClient.OPERATOR, null);

        assertThat(viewerStop.status()).isEqualTo(403);
        assertThat(stop.status()).isEqualTo(202);
        assertThat(stop.json().path("status").asString()).isEqualTo("STOPPING");
        assertThat(awaitEnded(runId).path("status").asString()).isEqualTo("STOPPED");
        assertProblem(api().post("/api/runs/" + runId + "/stop", ApiClient.OPERATOR, null), 409, "STOPPED");

        ApiClient.Answer restart = api().post("/api/runs/" + runId + "/restart", ApiClient.OPERATOR, null);
        assertThat(restart.status()).isEqualTo(202);
        assertThat(restart.header("Location")).isEqualTo("/api/runs/" + runId);
        assertProblem(api().post("/api/runs/" + runId + "/restart", ApiClient.OPERATOR, null), 409, "only FAILED or STOPPED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(agentStatus(runId, 1)));
        api().post("/api/runs/" + runId + "/stop", ApiClient.OPERATOR, null);
        JsonNode again = awaitEnded(runId);
        assertThat(again.path("phases").get(0).path("agents").get(0).path("attempts").asInt()).isOne();
        assertThat(again.path("phases").get(0).path("agents").get(1).path("attempts").asInt()).isEqualTo(2);
        assertProblem(api().post("/api/runs/no-such-run/restart", ApiClient.OPERATOR, null), 404, "no-such-run");
        assertProblem(api().post("/api/runs/no-such-run/stop", ApiClient.OPERATOR, null), 404, "no-such-run");
    }

    @Test
    void launchingNeedsTheOperatorRoleAndReadingTheViewerRole() {
        assertThat(api().post("/api/workflows/quick/runs", ApiClient.VIEWER, "{}").status()).isEqualTo(403);
        assertThat(api().post("/api/workflows/quick/runs", null, "{}").status()).isEqualTo(401);
        assertThat(api().get("/api/runs", null).status()).isEqualTo(401);
        assertThat(api().get("/api/runs", "wrong-token").status()).isEqualTo(401);
        assertThat(api().post("/api/workflows/quick/runs", ApiClient.ADMIN, "{}").status()).isEqualTo(202);
    }

    @Test
    void theQueueIsVisibleAsMetricsToAdmins() {
        ApiClient.Answer queued = api().get("/actuator/metrics/perfect21.runs.queued", ApiClient.ADMIN);
        ApiClient.Answer prometheus = api().get("/actuator/prometheus", ApiClient.ADMIN);

        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.json().path("measurements").get(0).path("value").isNumber()).isTrue();
        assertThat(prometheus.body()).contains("perfect21_runs_queued", "perfect21_runs_executing");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndItsProblems() {
        ApiClient.Answer docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.has("/api/workflows/{name}/runs")).isTrue();
        assertThat(paths.has("/api/runs/{runId}/agents/{agent}/output")).isTrue();
        JsonNode launch = paths.path("/api/workflows/{name}/runs").path("post").path("responses");
        assertThat(launch.has("202")).isTrue();
        for (String status : new String[] {"400", "401", "403", "404", "413", "415", "422", "429"}) {
            assertThat(launch.path(status).path("content").has("application/problem+json")).as(status).isTrue();
        }
        assertThat(docs.json().path("components").path("schemas").has("ProblemDetail")).isTrue();
    }

    private String agentStatus(String runId, int agent) {
        JsonNode phases = api().get("/api/runs/" + runId, ApiClient.VIEWER).json().path("phases");
        return phases.size() == 0 ? null : phases.get(0).path("agents").get(agent).path("status").asString();
    }

    private JsonNode awaitEnded(String runId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String status = api().get("/api/runs/" + runId, ApiClient.VIEWER).json().path("status").asString();
            return status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED");
        });
        return api().get("/api/runs/" + runId, ApiClient.VIEWER).json();
    }

    static void assertProblem(ApiClient.Answer answer, int status, String detailContains) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).contains(detailContains);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
