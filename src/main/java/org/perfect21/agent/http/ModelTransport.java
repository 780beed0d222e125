package org.perfect21.agent.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The one JDK {@link HttpClient} through which every http agent's requests go, whatever the provider: exchanges are
 * asynchronous ({@code sendAsync}), so a thousand agents waiting on models hold no thread; the platform's one
 * agent executor runs the client and completes the answers; an answer is read only up to
 * {@code perfect21.agents.http.max-answer}.
 */
@Component
class ModelTransport implements DisposableBean {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Executor executor;
    private final Duration connectTimeout;
    private final long maxAnswer;
    private volatile HttpClient client;

    /** {@code executor}: the platform's agent executor, on which the client runs and answers complete. */
    ModelTransport(HttpProperties properties, @Qualifier("agentExecutor") Executor executor) {
        this.executor = executor;
        this.connectTimeout = properties.connectTimeout();
        this.maxAnswer = properties.maxAnswer().toBytes();
    }

    /**
     * The client, built at the first request: its selector thread (the JDK's, one per client) then exists only in
     * a process that calls models, and on Java 17, which cannot close a client, it ends once the client is
     * collected after {@link #destroy()}.
     */
    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClient.newBuilder().executor(executor).connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = built;
                }
            }
        }
        return built;
    }

    /** What a server answered: its status, headers (names in lower case) and the whole body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** The answer was larger than {@code perfect21.agents.http.max-answer}; reading stopped there. */
    static final class AnswerTooLarge extends IOException {

        AnswerTooLarge(long limit) {
            super("the answer is larger than perfect21.agents.http.max-answer (" + limit + " bytes)");
        }
    }

    /**
     * Sends one request; the future fails with {@link AnswerTooLarge}, or the client's {@link IOException}. Cancelling
     * this very future (not one derived from it) aborts the exchange and closes its connection.
     *
     * <p>An answer completes it on the agent executor. The future of {@code sendAsync} itself completes
     * on the JDK's default async executor (the common pool; on a machine of two CPUs or fewer, a new thread for each
     * answer), where the SDK's parsing and the engine's bookkeeping would then run.
     */
    CompletableFuture<Answer> send(String method, String url, Map<String, List<String>> headers, byte[] body) {
        URI uri = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        // Plain http is a local server (Ollama, vLLM, a stand-in): HTTP/1.1, no h2c upgrade it may not speak.
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = client().sendAsync(request.build(), info -> new BoundedBody(maxAnswer,
                bytes -> new Answer(info.statusCode(), lowerCase(info.headers().map()), bytes), answer, executor));
        // Failures before the body (connecting, sending, the status line) come only through the client's own future.
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            }
        });
        answer.whenComplete((done, failure) -> {
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> result.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return result;
    }

    @Override
    public void destroy() {
        client = null;
    }

    /**
     * Collects a body up to a limit, then cancels the exchange; the answer (or the failure) completes {@code answer}
     * on the {@code executor}.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        private final Function<byte[], Answer> toAnswer;
        private final CompletableFuture<Answer> answer;
        private final Executor executor;
        private Flow.Subscription subscription;

        BoundedBody(long limit, Function<byte[], Answer> toAnswer, CompletableFuture<Answer> answer, Executor executor) {
            this.limit = limit;
            this.toAnswer = toAnswer;
            this.answer = answer;
            this.executor = executor;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    AnswerTooLarge tooLarge = new AnswerTooLarge(limit);
                    body.completeExceptionally(tooLarge);
                    complete(() -> answer.completeExceptionally(tooLarge));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
            complete(() -> answer.completeExceptionally(error));
        }

        @Override
        public void onComplete() {
            byte[] all = bytes.toByteArray();
            body.complete(all);
            complete(() -> {
                try {
                    answer.complete(toAnswer.apply(all));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        }

        /** On the executor, whichever thread of the client delivered the body; here when the executor is closing. */
        private void complete(Runnable completion) {
            try {
                executor.execute(completion);
            } catch (RejectedExecutionException e) {
                completion.run();
            }
        }
    }
}
