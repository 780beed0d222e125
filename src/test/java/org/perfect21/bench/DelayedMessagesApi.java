package org.perfect21.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in of a model server that answers every POST with one valid Anthropic Messages API message after a
 * fixed delay, holding no thread while a request waits: the JDK's {@link HttpServer} (its dispatcher and
 * {@value #HANDLER_THREADS} handler threads) reads the request and schedules the answer, which one scheduler thread
 * writes when it is due. So a thousand requests waiting cost sockets, not threads, as a real API costs its client.
 */
final class DelayedMessagesApi implements AutoCloseable {

    static final int HANDLER_THREADS = 2;
    /** Room for a thousand connections opened at once. */
    private static final int BACKLOG = 2048;
    static final String MODEL = "claude-haiku-4-5";
    private static final byte[] MESSAGE = ("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL
            + "\",\"content\":[{\"type\":\"text\",\"text\":\"Done.\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":20}}").getBytes(StandardCharsets.UTF_8);

    private static final Pattern TAG = Pattern.compile("<<([^<>]+)>>");

    private final Duration delay;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, named("stand-in-handler-"));
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(named("stand-in-answers-"));
    private volatile Batch batch = new Batch(0);

    private DelayedMessagesApi(Duration delay) throws IOException {
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
    }

    /** Starts a stand-in on a free loopback port. */
    static DelayedMessagesApi start(Duration delay) throws IOException {
        DelayedMessagesApi api = new DelayedMessagesApi(delay);
        api.server.start();
        return api;
    }

    /** What an agent's {@code baseUrl} and the peer's requests go to. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Duration delay() {
        return delay;
    }

    /** Starts recording the requests that arrive from now on: the batch is whole once {@code count} have. */
    Batch expect(int count) {
        Batch next = new Batch(count);
        batch = next;
        return next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        Batch.Request request = batch.arrived(tag(body));
        // The handler thread returns now; the exchange stays open until the scheduler answers it.
        answers.schedule(() -> answer(exchange, request), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The request's tag: what its prompt says between {@code <<} and {@code >>}, or null. */
    private static String tag(String body) {
        Matcher tag = TAG.matcher(body);
        return tag.find() ? tag.group(1) : null;
    }

    /** A prompt that carries {@code tag}, so that the stand-in can tell which request is whose. */
    static String tagged(String text, String tag) {
        return text + " <<" + tag + ">>";
    }

    private static void answer(HttpExchange exchange, Batch.Request request) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, MESSAGE.length);
            out.write(MESSAGE);
        } catch (IOException e) {
            // The client gave up on this request (its timeout or cancellation): nothing to answer.
        } finally {
            exchange.close();
            request.answered = System.nanoTime();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        handlers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The requests that arrived since {@link #expect}: when each arrived, and when its answer was written;
     * {@link #whole()} completes once the expected count have arrived.
     */
    static final class Batch {

        private final int expected;
        private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();
        private final CompletableFuture<Void> whole = new CompletableFuture<>();

        private Batch(int expected) {
            this.expected = expected;
        }

        private Request arrived(String tag) {
            Request request = new Request(tag, System.nanoTime());
            requests.add(request);
            if (count.incrementAndGet() >= expected) {
                whole.complete(null);
            }
            return request;
        }

        CompletableFuture<Void> whole() {
            return whole;
        }

        /** The latest arrival, in System.nanoTime; Long.MIN_VALUE when none arrived. */
        long lastArrival() {
            return requests.stream().mapToLong(r -> r.arrived).max().orElse(Long.MIN_VALUE);
        }

        long firstArrival() {
            return requests.stream().mapToLong(r -> r.arrived).min().orElse(Long.MIN_VALUE);
        }

        /** The latest moment an answer was written (its exchange closed); Long.MIN_VALUE when none was. */
        long lastAnswer() {
            return requests.stream().mapToLong(r -> r.answered).filter(t -> t != 0).max().orElse(Long.MIN_VALUE);
        }

        /** How late after its arrival plus the delay an answer was written, at most, in nanoseconds. */
        long maxLateness(Duration delay) {
            return requests.stream().filter(r -> r.answered != 0).mapToLong(r -> r.answered - r.arrived - delay.toNanos())
                    .max().orElse(0);
        }

        /** The requests that carried a tag, by tag. */
        Map<String, Request> byTag() {
            Map<String, Request> tagged = new HashMap<>();
            requests.stream().filter(r -> r.tag != null).forEach(r -> tagged.put(r.tag, r));
            return tagged;
        }

        /** One request: its tag, when it arrived and when its answer was written (System.nanoTime; 0 until then). */
        static final class Request {
            final String tag;
            final long arrived;
            volatile long answered;

            private Request(String tag, long arrived) {
                this.tag = tag;
                this.arrived = arrived;
            }
        }
    }
}
