package org.perfect21.agent.http;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentOutcome.Retry;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.testing.Defaults;
import org.perfect21.usage.ModelPrices;
import org.perfect21.usage.PricingProperties;
import org.perfect21.usage.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The http kind against loopback stand-ins of both APIs (OkHttp's MockWebServer): what each request carries, how
 * answers become outcomes (text, usage, cost, model), and how errors and bad answers fail the attempt, retried or not.
 */
class HttpAgentTests {

    private static final String KEY = "test-key-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ModelTransport transport = new ModelTransport(Defaults.httpProperties(), executor);
    private final Map<String, String> environment = new HashMap<>(Map.of("ANTHROPIC_API_KEY", KEY, "OPENAI_API_KEY", KEY,
            "TEAM_KEY", KEY));

    @AfterEach
    void close() {
        transport.destroy();
        executor.shutdownNow();
    }

    @Nested
    class Anthropic {

        @Test
        void theBodyIsTheSystemPromptVerbatimAndTheInstructionTheUserMessage() throws Exception {
            server.enqueue(json(200, message("Reviewed.", "claude-sonnet-4-5-20250929", 1200, 80, 300L, 40L)));
            String body = "You review {{#each items}} and {% if x %} as {{ .Values.x }}, unbalanced {{ too.";

            AgentOutcome outcome = run(anthropic(Map.of("temperature", 0.2)), body, "Review the payment module.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            assertThat(outcome.output()).isEqualTo("Reviewed.");
            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
            assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
            assertThat(request.getHeaders().get("anthropic-version")).isNotBlank();
            JsonNode sent = JSON.readTree(request.getBody().utf8());
            assertThat(sent.path("model").asString()).isEqualTo("claude-sonnet-4-5");
            assertThat(sent.path("max_tokens").asLong()).isEqualTo(HttpAgentKind.DEFAULT_MAX_TOKENS);
            assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(sent.path("system").asString()).isEqualTo(body);
            assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("user");
            assertThat(sent.path("messages").get(0).toString()).contains("Review the payment module.");
        }

        @Test
        void usageAndTheModelThatAnsweredArePricedFromTheTable() {
            server.enqueue(json(200, message("Done.", "claude-sonnet-4-5-20250929", 1_000_000, 100_000, 1_000_000L, 100_000L)));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.model()).isEqualTo("claude-sonnet-4-5-20250929");
            // Sonnet 4.x: $3 in, $15 out, $0.30 cache read, $3.75 cache write per million tokens.
            assertThat(outcome.usage()).isEqualTo(new Usage(1_000_000L, 100_000L, 1_000_000L, 100_000L, new BigDecimal("5.175")));
        }

        @Test
        void aModelWithoutAPriceCostsNullNotZero() {
            server.enqueue(json(200, message("Done.", "local-model-7b", 10, 2, null, null)));

            AgentOutcome outcome = run(anthropic(Map.of("model", "local-model-7b")), "", "Go.");

            assertThat(outcome.usage()).isEqualTo(new Usage(10L, 2L, null, null, null));
        }

        @Test
        void rateLimitedIsRetriedAfterTheServersRetryAfter() {
            server.enqueue(json(429, error("rate_limit_error", "Number of requests has exceeded your rate limit")).newBuilder()
                    .addHeader("retry-after", "3").build());

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("429", "rate_limit_error", "exceeded your rate limit", server.url("/").host());
            assertThat(outcome.retry()).isEqualTo(Retry.backoff(Duration.ofSeconds(3)));
        }

        @ParameterizedTest
        @ValueSource(ints = {408, 409, 500, 502, 503, 529})
        void transientStatusesAreRetriedWithBackoff(int status) {
            server.enqueue(json(status, error("overloaded_error", "Overloaded")));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.error()).contains(String.valueOf(status));
            assertThat(outcome.retry()).isEqualTo(Retry.backoff(null));
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 413, 422})
        void otherClientErrorsAreNeverRetried(int status) {
            server.enqueue(json(status, error("invalid_request_error", "max_tokens: too large")));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.error()).contains(String.valueOf(status), "invalid_request_error", "max_tokens: too large");
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void anExhaustedCreditIsNeverRetriedWhateverItsStatus() {
            server.enqueue(json(429, error("billing_error", "Your credit balance is too low")));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void aKeyTheServerEchoesIsTakenOutOfTheError() {
            server.enqueue(json(401, error("authentication_error", "invalid x-api-key " + KEY)));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.error()).contains("401", "invalid x-api-key [redacted]").doesNotContain(KEY);
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void anUnsetKeyVariableFailsNamingItWithoutCallingTheServer() {
            environment.remove("TEAM_KEY");

            AgentOutcome outcome = run(anthropic(Map.of("apiKeyEnv", "TEAM_KEY")), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("TEAM_KEY", "not set");
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void theNamedVariableHoldsTheKey() throws Exception {
            environment.put("TEAM_KEY", "team-key-abcdefghijklmnop");
            server.enqueue(json(200, message("Done.", "claude-haiku-4-5", 1, 1, null, null)));

            assertThat(run(anthropic(Map.of("apiKeyEnv", "TEAM_KEY")), "", "Go.").succeeded()).isTrue();

            assertThat(server.takeRequest().getHeaders().get("x-api-key")).isEqualTo("team-key-abcdefghijklmnop");
        }

        @Test
        void noneSendsNoKeyAtAll() throws Exception {
            server.enqueue(json(200, message("Done.", "claude-haiku-4-5", 1, 1, null, null)));

            assertThat(run(anthropic(Map.of("apiKeyEnv", "none")), "", "Go.").succeeded()).isTrue();

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("x-api-key")).isNull();
            assertThat(request.getHeaders().get("authorization")).isNull();
        }

        @Test
        void aLargeMaxTokensIsSentAsIs() throws Exception {
            server.enqueue(json(200, message("Done.", "claude-opus-4-1", 1, 1, null, null)));

            AgentOutcome outcome = run(anthropic(Map.of("maxTokens", 64_000L)), "", "Go.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("max_tokens").asLong()).isEqualTo(64_000);
        }

        @Test
        void anOutputLargerThanMaxOutputIsCapped() {
            server.enqueue(json(200, message("é".repeat(100), "claude-haiku-4-5", 1, 1, null, null)));

            AgentOutcome outcome = run(anthropic(Map.of("maxOutput", "11B")), "", "Go.");

            assertThat(outcome.succeeded()).isTrue();
            assertThat(outcome.truncated()).isTrue();
            assertThat(outcome.output()).isEqualTo("é".repeat(5));
            assertThat(outcome.outputBytes()).isEqualTo(200);
        }
    }

    /** A server that answers something other than the API: the agent fails with a clear message, never hangs. */
    @Nested
    class BadAnswers {

        @Test
        void htmlFailsSayingTheAnswerIsNotTheApis() {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                    .body("<html><body>Welcome to nginx!</body></html>").build());

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("is not an Anthropic Messages API answer");
        }

        @Test
        void anHtmlErrorPageFailsWithItsStatus() {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<html><body>Bad Gateway</body></html>").build());

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.error()).contains("answered 502", "not an error document");
            assertThat(outcome.retry()).isEqualTo(Retry.backoff(null));
        }

        @Test
        void truncatedJsonFails() {
            String whole = message("Done.", "claude-haiku-4-5", 1, 1, null, null);
            server.enqueue(json(200, whole.substring(0, whole.length() / 2)));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("is not an Anthropic Messages API answer");
        }

        @Test
        void anAnswerLargerThanMaxAnswerFailsWithoutBeingReadWhole() {
            server.enqueue(json(200, message("x".repeat(10 * 1024 * 1024), "claude-haiku-4-5", 1, 1, null, null)));

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("larger than perfect21.agents.http.max-answer");
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void aServerThatIsNotThereIsRetriedWithBackoff() {
            server.close();

            AgentOutcome outcome = run(anthropic(Map.of()), "", "Go.");

            assertThat(outcome.error()).startsWith("cannot reach http://");
            assertThat(outcome.retry()).isEqualTo(Retry.backoff(null));
        }
    }

    @Nested
    class OpenAi {

        @Test
        void theBodyIsTheSystemMessageAndTheInstructionTheUserMessage() throws Exception {
            server.enqueue(json(200, completion("Looks fine.", "gpt-4o-mini-2024-07-18", 1000, 50, 400)));

            AgentOutcome outcome = run(openai(Map.of("temperature", 1L, "maxTokens", 300L)), "- You are a reviewer.", "Review it.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            assertThat(outcome.output()).isEqualTo("Looks fine.");
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
            assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + KEY);
            JsonNode sent = JSON.readTree(request.getBody().utf8());
            assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini");
            assertThat(sent.path("max_tokens").asLong()).isEqualTo(300);
            assertThat(sent.path("temperature").asDouble()).isEqualTo(1.0);
            assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
            assertThat(sent.path("messages").get(0).path("content").asString()).isEqualTo("- You are a reviewer.");
            assertThat(sent.path("messages").get(1).path("role").asString()).isEqualTo("user");
            assertThat(sent.path("messages").get(1).path("content").asString()).isEqualTo("Review it.");
        }

        @Test
        void cachedPromptTokensAreCountedApartAndPriced() {
            server.enqueue(json(200, completion("Done.", "gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000, 400_000)));

            AgentOutcome outcome = run(openai(Map.of()), "", "Go.");

            // gpt-4o-mini: $0.15 in, $0.60 out, $0.075 cached per million tokens.
            assertThat(outcome.usage()).isEqualTo(new Usage(600_000L, 1_000_000L, 400_000L, null, new BigDecimal("0.72")));
            assertThat(outcome.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        }

        @Test
        void anExhaustedQuotaIsNeverRetriedThoughItIs429() {
            server.enqueue(json(429, "{\"error\": {\"message\": \"You exceeded your current quota\", \"type\": \"insufficient_quota\","
                    + " \"code\": \"insufficient_quota\"}}"));

            AgentOutcome outcome = run(openai(Map.of()), "", "Go.");

            assertThat(outcome.error()).contains("429", "insufficient_quota", "exceeded your current quota");
            assertThat(outcome.retry()).isEqualTo(Retry.NEVER);
        }

        @Test
        void rateLimitedWaitsTheMillisecondsTheServerAsks() {
            server.enqueue(json(429, "{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\", \"code\": \"rate_limit_exceeded\"}}")
                    .newBuilder().addHeader("retry-after-ms", "1500").addHeader("retry-after", "9").build());

            AgentOutcome outcome = run(openai(Map.of()), "", "Go.");

            assertThat(outcome.retry()).isEqualTo(Retry.backoff(Duration.ofMillis(1500)));
        }

        @Test
        void aLocalServerWithoutKeyGetsNoAuthorization() throws Exception {
            server.enqueue(json(200, "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1, \"model\": \"llama3.2\","
                    + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"Hi.\"}, \"finish_reason\": \"stop\"}]}"));
            environment.clear();

            AgentOutcome outcome = run(openai(Map.of("apiKeyEnv", "none", "model", "llama3.2")), "", "Say hi.");

            assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
            assertThat(outcome.output()).isEqualTo("Hi.");
            // Ollama reports no usage here: unknown, not zero.
            assertThat(outcome.usage()).isEqualTo(Usage.UNKNOWN);
            assertThat(server.takeRequest().getHeaders().get("authorization")).isNull();
        }
    }

    /** Abandoning an attempt (timeout, deadline, stop) aborts its exchange: the server sees the connection closed. */
    @Test
    void anAbandonedAttemptClosesItsConnection() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch requested = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Integer> closed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket socket = silent.accept(); var in = socket.getInputStream()) {
                    // Read the request, answer nothing, and wait for the client to hang up.
                    while (in.read() >= 0) {
                        requested.countDown();
                        // draining
                    }
                    return -1;
                } catch (java.io.IOException e) {
                    return -2;
                }
            }, executor);
            Map<String, Object> keys = anthropic(Map.of("baseUrl", "http://127.0.0.1:" + silent.getLocalPort()));
            var attempt = prepare(keys).start(call("", "Go."));
            assertThat(requested.await(20, TimeUnit.SECONDS)).isTrue();

            attempt.completeExceptionally(new java.util.concurrent.TimeoutException("timed out"));

            assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(-1);
        }
    }

    private Map<String, Object> anthropic(Map<String, Object> keys) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("provider", "anthropic", "model", "claude-sonnet-4-5",
                "baseUrl", server.url("/").toString()));
        values.putAll(keys);
        return values;
    }

    private Map<String, Object> openai(Map<String, Object> keys) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("provider", "openai", "model", "gpt-4o-mini",
                "baseUrl", server.url("/v1").toString()));
        values.putAll(keys);
        return values;
    }

    private AgentOutcome run(Map<String, Object> keys, String systemPrompt, String instruction) {
        return prepare(keys).start(call(systemPrompt, instruction)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private AgentRunner prepare(Map<String, Object> keys) {
        AgentSettings settings = new AgentSettings(keys, Map.of());
        HttpAgentKind kind = new HttpAgentKind(transport, new ModelPrices(new PricingProperties(Map.of())), environment::get);
        AgentRunner runner = kind.prepare(definition(settings), settings);
        assertThat(settings.problems()).isEmpty();
        return runner;
    }

    private AgentCall call(String systemPrompt, String instruction) {
        return new AgentCall("run-1", "ask", instruction, systemPrompt, 1, Map.of(), executor);
    }

    static AgentDefinition definition(AgentSettings settings) {
        return new AgentDefinition("http-agent", "http", null, null, List.of(), settings.string("model"), null, null, 0, "",
                settings, Path.of("http-agent.md"), 1);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    static String message(String text, String model, long input, long output, Long cacheRead, Long cacheWrite) {
        return "{\"id\": \"msg_1\", \"type\": \"message\", \"role\": \"assistant\", \"model\": " + JSON.writeValueAsString(model)
                + ", \"content\": [{\"type\": \"text\", \"text\": " + JSON.writeValueAsString(text) + "}], \"stop_reason\": \"end_turn\","
                + " \"stop_sequence\": null, \"usage\": {\"input_tokens\": " + input + ", \"output_tokens\": " + output
                + (cacheRead == null ? "" : ", \"cache_read_input_tokens\": " + cacheRead)
                + (cacheWrite == null ? "" : ", \"cache_creation_input_tokens\": " + cacheWrite) + "}}";
    }

    static String completion(String text, String model, long prompt, long completion, long cached) {
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1, \"model\": " + JSON.writeValueAsString(model)
                + ", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": " + JSON.writeValueAsString(text)
                + "}, \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": " + prompt + ", \"completion_tokens\": " + completion
                + ", \"total_tokens\": " + (prompt + completion) + ", \"prompt_tokens_details\": {\"cached_tokens\": " + cached + "}}}";
    }

    private static String error(String type, String message) {
        return "{\"type\": \"error\", \"error\": {\"type\": \"" + type + "\", \"message\": " + JSON.writeValueAsString(message) + "}}";
    }
}
