package org.perfect21.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in of Anthropic's Messages API, for tests and benchmarks that run the real Claude Code CLI (or any
 * client) against it. {@code POST /v1/messages} answers as the API does: Server-Sent Events when the request says
 * {@code stream: true} (message_start, content_block_start/delta/stop, message_delta, message_stop), one JSON message
 * otherwise; {@code POST /v1/messages/count_tokens} answers a count. A request without the stand-in's key is refused
 * with 401, as the API refuses a wrong key. Every request is recorded (headers without credentials, the body as JSON).
 *
 * <p>What it answers is scripted: {@link #answer} sets the reply for every message request, {@link #then} queues
 * replies used first, in order (e.g. one 529, then the normal answer). As a JUnit extension
 * ({@code @RegisterExtension static MessagesApiStandIn api = new MessagesApiStandIn();}) it starts before the class,
 * forgets requests and script before each test, and stops after the class; elsewhere call {@link #start()} and
 * {@link #close()}.
 */
public final class MessagesApiStandIn implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Headers that carry credentials: never recorded. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("x-api-key", "authorization", "cookie", "proxy-authorization");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String apiKey;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile Function<RecordedRequest, Reply> answer = request -> Reply.text("Done.");
    private volatile CountDownLatch hanging = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService threads;

    /** A stand-in that accepts a random key of its own ({@link #apiKey()}). */
    public MessagesApiStandIn() {
        this("sk-ant-standin-" + UUID.randomUUID());
    }

    public MessagesApiStandIn(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Starts listening on a free loopback port; returns this. */
    public synchronized MessagesApiStandIn start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Messages API stand-in", e);
        }
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "messages-api-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    @Override
    public synchronized void close() {
        hanging.countDown();
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    /** Forgets the recorded requests and the script; the answer is {@code Done.} again; hanging replies end. */
    public void reset() {
        hanging.countDown();
        hanging = new CountDownLatch(1);
        requests.clear();
        script.clear();
        answer = request -> Reply.text("Done.");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** {@code http://127.0.0.1:PORT}, the value for {@code ANTHROPIC_BASE_URL}. */
    public String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the stand-in is not started");
        }
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The key the stand-in accepts ({@code x-api-key}). */
    public String apiKey() {
        return apiKey;
    }

    /**
     * What a Claude Code CLI needs to talk to this stand-in and nothing else: its URL and key, {@code home} as HOME
     * (the CLI writes its settings and sessions there), no telemetry, no update checks, no retries of its own.
     */
    public Map<String, String> cliEnvironment(Path home) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ANTHROPIC_BASE_URL", baseUrl());
        environment.put("ANTHROPIC_API_KEY", apiKey);
        environment.put("HOME", home.toString());
        environment.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        environment.put("DISABLE_TELEMETRY", "1");
        environment.put("DISABLE_AUTOUPDATER", "1");
        environment.put("CLAUDE_CODE_MAX_RETRIES", "0");
        return environment;
    }

    /** The reply to every message request the script does not answer. */
    public MessagesApiStandIn answer(Reply reply) {
        this.answer = request -> reply;
        return this;
    }

    /** The reply to every message request the script does not answer, chosen by the request (e.g. by its system prompt). */
    public MessagesApiStandIn answer(Function<RecordedRequest, Reply> replies) {
        this.answer = replies;
        return this;
    }

    /** Replies used first, one per message request, in order. */
    public MessagesApiStandIn then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code POST /v1/messages} (not token counts), in order. */
    public List<RecordedRequest> messages() {
        return requests.stream().filter(RecordedRequest::isMessage).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = readAll(exchange.getRequestBody());
            RecordedRequest request = record(exchange, raw);
            requests.add(request);
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("x-api-key"))
                    && !("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("authorization"))) {
                Reply.error(401, "authentication_error", "invalid x-api-key").send(exchange, request, nextId(), hanging);
                return;
            }
            if (!"POST".equals(request.method()) || !request.path().startsWith("/v1/messages")) {
                Reply.error(404, "not_found_error", "Not found: " + request.path()).send(exchange, request, nextId(), hanging);
                return;
            }
            if (request.path().startsWith("/v1/messages/count_tokens")) {
                sendJson(exchange, 200, Map.of(), JSON.createObjectNode().put("input_tokens", raw.length / 4));
                return;
            }
            Reply reply = script.poll();
            (reply == null ? answer.apply(request) : reply).send(exchange, request, nextId(), hanging);
        }
    }

    private String nextId() {
        return "msg_standin_" + messageIds.incrementAndGet();
    }

    private RecordedRequest record(HttpExchange exchange, byte[] raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        JsonNode body;
        try {
            body = raw.length == 0 ? JSON.missingNode() : JSON.readTree(raw);
        } catch (RuntimeException e) {
            body = JSON.missingNode();
        }
        String query = exchange.getRequestURI().getRawQuery();
        return new RecordedRequest(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                Map.copyOf(headers), body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void sendJson(HttpExchange exchange, int status, Map<String, String> headers, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("content-type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * A request as the stand-in received it.
     *
     * @param receivedAt when it arrived
     * @param headers    its headers, names in lower case, without credentials ({@code x-api-key}, {@code authorization})
     * @param body       its body as JSON (a missing node when it had none or it was not JSON)
     */
    public record RecordedRequest(Instant receivedAt, String method, String path, String query, Map<String, String> headers,
                                  JsonNode body) {

        public boolean isMessage() {
            return "POST".equals(method) && "/v1/messages".equals(path);
        }

        public String model() {
            return body.path("model").asString(null);
        }

        public boolean stream() {
            return body.path("stream").asBoolean(false);
        }

        /** The system prompt's text blocks (a plain string system prompt is one block). */
        public List<String> systemBlocks() {
            JsonNode system = body.path("system");
            if (system.isString()) {
                return List.of(system.asString());
            }
            return StreamSupport.stream(system.spliterator(), false).map(block -> block.path("text").asString("")).toList();
        }

        /** The system prompt's blocks joined by blank lines. */
        public String systemText() {
            return String.join("\n\n", systemBlocks());
        }

        /** The text blocks of the user messages, joined by blank lines. */
        public String userText() {
            return String.join("\n\n", messageTexts(role -> role.equals("user")));
        }

        /** Every text block of the system prompt and of all messages (user, assistant, system), joined by blank lines. */
        public String allText() {
            List<String> texts = new ArrayList<>(systemBlocks());
            texts.addAll(messageTexts(role -> true));
            return String.join("\n\n", texts);
        }

        /** The texts of the messages whose role passes {@code roles}: plain string contents and text blocks, in order. */
        private List<String> messageTexts(java.util.function.Predicate<String> roles) {
            List<String> texts = new ArrayList<>();
            for (JsonNode message : body.path("messages")) {
                if (!roles.test(message.path("role").asString(""))) {
                    continue;
                }
                JsonNode content = message.path("content");
                if (content.isString()) {
                    texts.add(content.asString());
                }
                for (JsonNode block : content) {
                    if ("text".equals(block.path("type").asString(""))) {
                        texts.add(block.path("text").asString(""));
                    }
                }
            }
            return texts;
        }

        /** The names of the tools the request offers the model. */
        public List<String> toolNames() {
            return StreamSupport.stream(body.path("tools").spliterator(), false)
                    .map(tool -> tool.path("name").asString("")).toList();
        }
    }

    /** Token counts a reply reports (the API's {@code usage}). */
    public record Tokens(long input, long output, long cacheRead, long cacheCreation) {
    }

    /**
     * One scripted reply: a message (text, or a tool call), an API error, a body that is not the API's, or no answer
     * until the stand-in is reset or closed.
     */
    public static final class Reply {

        private enum Type { TEXT, TOOL_USE, ERROR, GARBAGE, HANG }

        private final Type type;
        private final String text;
        private final int status;
        private final String errorType;
        private final Duration retryAfter;
        private final String model;
        private final Tokens tokens;

        private Reply(Type type, String text, int status, String errorType, Duration retryAfter, String model, Tokens tokens) {
            this.type = type;
            this.text = text;
            this.status = status;
            this.errorType = errorType;
            this.retryAfter = retryAfter;
            this.model = model;
            this.tokens = tokens;
        }

        /** The model answers {@code text} and ends its turn; by default 100 input and 10 output tokens. */
        public static Reply text(String text) {
            return new Reply(Type.TEXT, text, 200, null, null, null, new Tokens(100, 10, 0, 0));
        }

        /** The model calls tool {@code name} with {@code inputJson} (a JSON object) and waits for its result. */
        public static Reply toolUse(String name, String inputJson) {
            return new Reply(Type.TOOL_USE, name + "\n" + inputJson, 200, null, null, null, new Tokens(100, 10, 0, 0));
        }

        /** An API error: {@code status} with the API's error body of {@code errorType}. */
        public static Reply error(int status, String errorType, String message) {
            return new Reply(Type.ERROR, message, status, errorType, null, null, null);
        }

        /** 429 rate_limit_error with a {@code Retry-After} header. */
        public static Reply rateLimited(Duration retryAfter) {
            return new Reply(Type.ERROR, "Number of request tokens has exceeded your rate limit", 429, "rate_limit_error",
                    retryAfter, null, null);
        }

        /** 529 overloaded_error, as the API answers when it is overloaded. */
        public static Reply overloaded() {
            return error(529, "overloaded_error", "Overloaded");
        }

        /** 500 api_error. */
        public static Reply serverError() {
            return error(500, "api_error", "Internal server error");
        }

        /** 200 with a body that is neither an event stream nor a message. */
        public static Reply garbage() {
            return new Reply(Type.GARBAGE, "<html>this is not the Messages API</html>", 200, null, null, null, null);
        }

        /** No answer at all until the stand-in is reset or closed (for timeouts). */
        public static Reply hang() {
            return new Reply(Type.HANG, null, 0, null, null, null, null);
        }

        /** The model the reply names (by default the one the request asked for). */
        public Reply model(String model) {
            return new Reply(type, text, status, errorType, retryAfter, model, tokens);
        }

        /** The usage the reply reports. */
        public Reply tokens(long input, long output, long cacheRead, long cacheCreation) {
            return new Reply(type, text, status, errorType, retryAfter, model, new Tokens(input, output, cacheRead, cacheCreation));
        }

        void send(HttpExchange exchange, RecordedRequest request, String id, CountDownLatch released) throws IOException {
            switch (type) {
                case ERROR -> sendError(exchange);
                case GARBAGE -> sendRaw(exchange, "text/html", text);
                case HANG -> hang(released);
                case TEXT, TOOL_USE -> {
                    String answeringModel = model != null ? model : request.model() == null ? "claude-standin" : request.model();
                    if (request.stream()) {
                        sendEvents(exchange, id, answeringModel);
                    } else {
                        sendJson(exchange, 200, Map.of(), message(id, answeringModel, true));
                    }
                }
                default -> throw new IllegalStateException(type.toString());
            }
        }

        private void sendError(HttpExchange exchange) throws IOException {
            ObjectNode body = JSON.createObjectNode().put("type", "error");
            body.putObject("error").put("type", errorType).put("message", text);
            Map<String, String> headers = retryAfter == null ? Map.of()
                    : Map.of("retry-after", Long.toString(Math.max(1, retryAfter.toSeconds())));
            sendJson(exchange, status, headers, body);
        }

        private static void sendRaw(HttpExchange exchange, String contentType, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static void hang(CountDownLatch released) {
            try {
                released.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private ObjectNode message(String id, String answeringModel, boolean complete) {
            ObjectNode message = JSON.createObjectNode().put("id", id).put("type", "message").put("role", "assistant")
                    .put("model", answeringModel);
            message.putArray("content");
            if (complete) {
                message.set("content", JSON.createArrayNode().add(contentBlock(true)));
                message.put("stop_reason", type == Type.TOOL_USE ? "tool_use" : "end_turn");
            } else {
                message.putNull("stop_reason");
            }
            message.putNull("stop_sequence");
            ObjectNode usage = message.putObject("usage").put("input_tokens", tokens.input())
                    .put("output_tokens", complete ? tokens.output() : 1)
                    .put("cache_read_input_tokens", tokens.cacheRead())
                    .put("cache_creation_input_tokens", tokens.cacheCreation());
            usage.put("service_tier", "standard");
            return message;
        }

        private ObjectNode contentBlock(boolean complete) {
            if (type == Type.TOOL_USE) {
                String[] call = text.split("\n", 2);
                ObjectNode block = JSON.createObjectNode().put("type", "tool_use").put("id", "toolu_standin").put("name", call[0]);
                block.set("input", complete ? JSON.readTree(call[1]) : JSON.createObjectNode());
                return block;
            }
            return JSON.createObjectNode().put("type", "text").put("text", complete ? text : "");
        }

        private void sendEvents(HttpExchange exchange, String id, String answeringModel) throws IOException {
            exchange.getResponseHeaders().set("content-type", "text/event-stream");
            exchange.getResponseHeaders().set("cache-control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                event(out, "message_start", JSON.createObjectNode().put("type", "message_start")
                        .set("message", message(id, answeringModel, false)));
                event(out, "content_block_start", JSON.createObjectNode().put("type", "content_block_start").put("index", 0)
                        .set("content_block", contentBlock(false)));
                ObjectNode delta = type == Type.TOOL_USE
                        ? JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", text.split("\n", 2)[1])
                        : JSON.createObjectNode().put("type", "text_delta").put("text", text);
                event(out, "content_block_delta", JSON.createObjectNode().put("type", "content_block_delta").put("index", 0)
                        .set("delta", delta));
                event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
                ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
                messageDelta.putObject("delta").put("stop_reason", type == Type.TOOL_USE ? "tool_use" : "end_turn").putNull("stop_sequence");
                messageDelta.putObject("usage").put("output_tokens", tokens.output());
                event(out, "message_delta", messageDelta);
                event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
            }
        }

        private static void event(OutputStream out, String name, JsonNode data) throws IOException {
            out.write(("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
