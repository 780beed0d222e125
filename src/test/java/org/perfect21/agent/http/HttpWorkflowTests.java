package org.perfect21.agent.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.DatabaseText;
import org.perfect21.testing.EngineTest;
import org.perfect21.testing.TestWorkflows;
import org.perfect21.usage.Usage;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * http agents run by the platform, end to end, against a loopback stand-in of the Messages and Chat Completions
 * APIs: an agent file loaded from disk, its body reaching the model verbatim, usage and cost in the run document
 * and the database, a rate limit retried after the server's Retry-After, a cost limit stopping the run, and the key
 * in no log line, no table and no run document.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "PERFECT21_TEST_MODEL_KEY=" + HttpWorkflowTests.KEY,
        "perfect21.execution.retry-backoff=100ms",
        "logging.level.org.perfect21.agent.http=DEBUG"})
class HttpWorkflowTests {

    static final String KEY = "sk-ant-test-0123456789abcdefghijklmn";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<java.time.Instant> arrivals = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Autowired
    WorkflowRunner runner;
    @Autowired
    DefinitionLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void anAgentLibraryFileReachesTheModelVerbatimAndItsUsageAndCostAreRecorded(CapturedOutput output) throws IOException {
        answer(request -> ok(HttpAgentTests.message("Looks fine.", "claude-haiku-4-5-20251001", 2000, 150, 300L, 40L)));
        String body = "You review templates: {{#each items}}{{this}}{{/each}}, {% if x %}yes{% endif %},\n"
                + "{{ .Values.x }} and an unbalanced {{ here.";
        Path agent = Files.writeString(dir.resolve("template-reviewer.md"), """
                ---
                name: template-reviewer
                description: reviews templates
                kind: http
                provider: anthropic
                baseUrl: %s
                model: claude-haiku-4-5
                apiKeyEnv: PERFECT21_TEST_MODEL_KEY
                instruction: "Review {{params.feature}}."
                ---
                %s
                """.formatted(server.url("/"), body));
        Path workflowFile = Files.writeString(dir.resolve("review.yml"), """
                name: review
                parameters:
                  feature: {default: payments}
                phases:
                  - name: review
                    agents: [template-reviewer]
                """);
        WorkflowDefinition workflow = loader.loadFiles(List.of(agent), List.of(workflowFile)).workflow("review").orElseThrow();

        RunDocument run = runner.run(workflow, Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        JsonNode sent = sent(0);
        assertThat(sent.path("system").asString()).isEqualTo(body);
        assertThat(sent.path("messages").get(0).toString()).contains("Review payments.");
        RunDocument.Agent reviewer = run.phases().get(0).agents().get(0);
        assertThat(jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ?", String.class, run.runId()))
                .isEqualTo("Looks fine.");
        assertThat(reviewer.model()).isEqualTo("claude-haiku-4-5-20251001");
        // Haiku 4.5: $1 in, $5 out, $0.10 cache read, $1.25 cache write per million tokens.
        assertThat(reviewer.usage()).usingRecursiveComparison().withComparatorForType(java.math.BigDecimal::compareTo,
                java.math.BigDecimal.class).isEqualTo(new Usage(2000L, 150L, 300L, 40L, new java.math.BigDecimal("0.00283")));
        assertThat(run.usage().costUsd()).isEqualByComparingTo("0.00283");
        assertThat(jdbc.queryForObject("SELECT COST FROM P21_AGENT_RESULT WHERE RUN_ID = ?", java.math.BigDecimal.class,
                run.runId())).isEqualByComparingTo("0.00283");
        assertThat(output).contains("http agent template-reviewer", "succeeded");
        assertTheKeyIsNowhere(output, run);
    }

    @Test
    void aRateLimitIsRetriedAfterTheServersRetryAfterWithinTheAgentsRetries(CapturedOutput output) {
        answer(request -> requests.size() == 1
                ? new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json").addHeader("retry-after", "1")
                        .body("{\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\", \"message\": \"slow down\"}}").build()
                : ok(HttpAgentTests.message("Answered.", "claude-haiku-4-5", 10, 2, null, null)));
        WorkflowDefinition workflow = TestWorkflows.load(loader, dir, """
                name: limited
                phases:
                  - name: ask
                    agents:
                      - {name: asker, kind: http, provider: anthropic, model: claude-haiku-4-5, baseUrl: "%s",
                         apiKeyEnv: PERFECT21_TEST_MODEL_KEY, retries: 2, instruction: Ask.}
                """.formatted(server.url("/")));

        RunDocument run = runner.run(workflow, Map.of());

        RunDocument.Agent asker = run.phases().get(0).agents().get(0);
        assertThat(asker.status()).as(asker.error()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(asker.attempts()).isEqualTo(2);
        assertThat(requests).hasSize(2);
        // The server asked for 1 s; the configured backoff alone would be 100 ms.
        assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertTheKeyIsNowhere(output, run);
    }

    @Test
    void aWrongKeyFailsOnceAndAppearsNowhere(CapturedOutput output) {
        answer(request -> new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\", \"type\": \"invalid_request_error\","
                        + " \"code\": \"invalid_api_key\"}}").build());
        WorkflowDefinition workflow = TestWorkflows.load(loader, dir, """
                name: refused
                phases:
                  - name: ask
                    agents:
                      - {name: refused-asker, kind: http, provider: openai, model: gpt-4o-mini, baseUrl: "%s",
                         apiKeyEnv: PERFECT21_TEST_MODEL_KEY, retries: 3, instruction: Ask.}
                """.formatted(server.url("/v1")));

        RunDocument run = runner.run(workflow, Map.of());

        RunDocument.Agent asker = run.phases().get(0).agents().get(0);
        assertThat(asker.status()).isEqualTo(AgentStatus.FAILED);
        assertThat(asker.attempts()).isEqualTo(1);
        assertThat(asker.error()).contains("answered 401 (invalid_api_key)", "Incorrect API key provided: [redacted]");
        assertThat(requests.get(0).getHeaders().get("authorization")).isEqualTo("Bearer " + KEY);
        assertTheKeyIsNowhere(output, run);
    }

    @Test
    void aRunThatPassesItsCostLimitStartsNoFurtherAgent() {
        answer(request -> ok(HttpAgentTests.message("Expensive.", "claude-opus-4-1", 100_000, 1000, null, null)));
        WorkflowDefinition workflow = TestWorkflows.load(loader, dir, """
                name: budgeted
                limits: {maxCostUsd: 1}
                phases:
                  - name: first
                    agents:
                      - {name: spender, kind: http, provider: anthropic, model: claude-opus-4-1, baseUrl: "%1$s",
                         apiKeyEnv: PERFECT21_TEST_MODEL_KEY, instruction: Spend.}
                  - name: second
                    agents:
                      - {name: never, kind: http, provider: anthropic, model: claude-opus-4-1, baseUrl: "%1$s",
                         apiKeyEnv: PERFECT21_TEST_MODEL_KEY, instruction: Spend more.}
                """.formatted(server.url("/")));

        RunDocument run = runner.run(workflow, Map.of());

        // Opus 4.1: 100,000 input tokens at $15 and 1,000 output tokens at $75 per million.
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("limits.maxCostUsd 1 USD (spent 1.575 USD)");
        assertThat(requests).hasSize(1);
    }

    private void answer(java.util.function.Function<RecordedRequest, MockResponse> answers) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(java.time.Instant.now());
                requests.add(request);
                return answers.apply(request);
            }
        });
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private JsonNode sent(int index) {
        return JSON.readTree(requests.get(index).getBody().utf8());
    }

    private void assertTheKeyIsNowhere(CapturedOutput output, RunDocument run) {
        assertThat(output).doesNotContain(KEY);
        assertThat(json.writeValueAsString(run)).doesNotContain(KEY);
        assertThat(DatabaseText.dump(jdbc)).doesNotContain(KEY);
    }
}
