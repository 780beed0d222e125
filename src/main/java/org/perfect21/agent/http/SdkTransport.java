package org.perfect21.agent.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.perfect21.agent.http.ModelTransport.Answer;

/**
 * One attempt's transport for the providers' SDKs: it implements the HTTP client interface of both (the Anthropic
 * and the OpenAI Java SDK) over {@link ModelTransport}, and remembers the exchanges it started so that an abandoned
 * attempt (timeout, deadline, stop) aborts them. It also stands in for the SDKs' sleepers: their own retries are off
 * ({@code maxRetries(0)}), because the engine retries within the agent's {@code retries}, with its backoff, and a
 * default sleeper would start a timer thread per client.
 */
final class SdkTransport implements com.anthropic.core.http.HttpClient, com.openai.core.http.HttpClient,
        com.anthropic.core.Sleeper, com.openai.core.Sleeper {

    /** What an SDK that requires a key is given for a server that takes none; never sent. */
    static final String NO_KEY = "no-key";
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-api-key");

    private final ModelTransport transport;
    private final boolean keyless;
    private final Queue<CompletableFuture<Answer>> exchanges = new ConcurrentLinkedQueue<>();

    /** {@code keyless}: the server takes no key, so no credential header leaves (the OpenAI SDK adds one regardless). */
    SdkTransport(ModelTransport transport, boolean keyless) {
        this.transport = transport;
        this.keyless = keyless;
    }

    private volatile boolean aborted;

    /** Aborts every exchange of the attempt still in flight, and any the SDK would start after (it may start late). */
    void abort() {
        aborted = true;
        exchanges.forEach(exchange -> exchange.cancel(true));
    }

    @Override
    public CompletableFuture<com.anthropic.core.http.HttpResponse> executeAsync(com.anthropic.core.http.HttpRequest request,
                                                                                com.anthropic.core.RequestOptions options) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().names().forEach(name -> headers.put(name, request.headers().values(name)));
        byte[] body = request.body().map(b -> bytes(b::writeTo)).orElse(null);
        return send(request.method().name(), request.url(), headers, body, AnthropicResponse::new);
    }

    @Override
    public CompletableFuture<com.openai.core.http.HttpResponse> executeAsync(com.openai.core.http.HttpRequest request,
                                                                             com.openai.core.RequestOptions options) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().names().forEach(name -> headers.put(name, request.headers().values(name)));
        byte[] body = request.body() == null ? null : bytes(request.body()::writeTo);
        return send(request.method().name(), request.url(), headers, body, OpenAiResponse::new);
    }

    private <R> CompletableFuture<R> send(String method, String url, Map<String, List<String>> headers, byte[] body,
                                          Function<Answer, R> response) {
        if (keyless) {
            headers.keySet().removeIf(name -> CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
        }
        if (aborted) {
            return CompletableFuture.failedFuture(new CancellationException("the attempt was abandoned"));
        }
        CompletableFuture<Answer> exchange = transport.send(method, url, headers, body);
        exchanges.add(exchange);
        if (aborted) {
            exchange.cancel(true);
        }
        return exchange.thenApply(response);
    }

    @Override
    public com.anthropic.core.http.HttpResponse execute(com.anthropic.core.http.HttpRequest request,
                                                        com.anthropic.core.RequestOptions options) {
        throw new UnsupportedOperationException("http agents call models asynchronously only");
    }

    @Override
    public com.openai.core.http.HttpResponse execute(com.openai.core.http.HttpRequest request, com.openai.core.RequestOptions options) {
        throw new UnsupportedOperationException("http agents call models asynchronously only");
    }

    @Override
    public void sleep(Duration duration) {
        throw new UnsupportedOperationException("the SDK's retries are off: the engine retries http agents");
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the SDK's retries are off: the engine retries http agents"));
    }

    @Override
    public void close() {
        // The JDK client is shared by every agent and closed with the application.
    }

    private interface Writer {
        void writeTo(OutputStream out);
    }

    private static byte[] bytes(Writer body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private record AnthropicResponse(Answer answer) implements com.anthropic.core.http.HttpResponse {

        @Override
        public int statusCode() {
            return answer.status();
        }

        @Override
        public com.anthropic.core.http.Headers headers() {
            com.anthropic.core.http.Headers.Builder headers = com.anthropic.core.http.Headers.builder();
            answer.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            return headers.build();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(answer.body());
        }

        @Override
        public void close() {
        }
    }

    private record OpenAiResponse(Answer answer) implements com.openai.core.http.HttpResponse {

        @Override
        public int statusCode() {
            return answer.status();
        }

        @Override
        public com.openai.core.http.Headers headers() {
            com.openai.core.http.Headers.Builder headers = com.openai.core.http.Headers.builder();
            answer.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            return headers.build();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(answer.body());
        }

        @Override
        public void close() {
        }
    }
}
