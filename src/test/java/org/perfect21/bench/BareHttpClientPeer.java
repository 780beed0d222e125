package org.perfect21.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor under the http agents: the same requests sent straight with one JDK {@link HttpClient#sendAsync}, no
 * platform (no runs, no database, no SDK). Configured as the platform's client is: HTTP/1.1, connect timeout 10 s,
 * on an executor of its own ({@value #IO_THREADS} threads: the platform's is its agent executor); the body
 * is the Messages API request the SDK sends for an agent (model, max_tokens, one user message).
 */
final class BareHttpClientPeer implements AutoCloseable {

    static final int IO_THREADS = 2;

    private final ExecutorService io;
    private final HttpClient client;
    private final URI messages;

    BareHttpClientPeer(String baseUrl) {
        AtomicInteger count = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(IO_THREADS, task -> {
            Thread thread = new Thread(task, "peer-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().executor(io).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.messages = URI.create(baseUrl + "/v1/messages");
    }

    /** Sends {@code requests} requests at once from the calling thread and measures them until the last answer. */
    InFlightResult measure(DelayedMessagesApi api, int requests) throws Exception {
        DelayedMessagesApi.Batch batch = api.expect(requests);
        List<Call> calls = new ArrayList<>(requests);
        int before = LiveThreads.now();
        LiveThreads.resetPeak();
        long launched = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            calls.add(new Call("peer " + i).send(client, request("peer " + i)));
        }
        double sentMs = (System.nanoTime() - launched) / 1e6;
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.stream().map(Call::status).toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null);
        InFlightSnapshot snapshot = InFlightSnapshot.take(batch.whole(), all);
        all.get(5, TimeUnit.MINUTES);
        int peak = LiveThreads.peak();
        int harness = LiveThreads.harness();
        InFlightResult.Timeline timeline = InFlightResult.Timeline.of(launched, sentMs, batch, api.delay());
        return result(calls, launched, before, peak, harness, snapshot, timeline, batch.byTag());
    }

    /** One request: its tag, when it was sent and answered (System.nanoTime; 0 until then), and its status. */
    private static final class Call {

        final String tag;
        long started;
        volatile long ended;
        CompletableFuture<Integer> status;

        Call(String tag) {
            this.tag = tag;
        }

        Call send(HttpClient client, HttpRequest request) {
            started = System.nanoTime();
            status = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
                ended = System.nanoTime();
                return response.statusCode();
            });
            return this;
        }

        CompletableFuture<Integer> status() {
            return status;
        }

        /** The failure in words, or null when the server answered 200. */
        String failure() {
            return status.handle((code, failure) -> failure != null ? String.valueOf(failure.getCause() != null ? failure.getCause()
                    : failure) : code == 200 ? null : "HTTP " + code).join();
        }
    }

    private static InFlightResult result(List<Call> calls, long launched, int before, int peak, int harness, InFlightSnapshot snapshot,
                                         InFlightResult.Timeline timeline, Map<String, DelayedMessagesApi.Batch.Request> atStandIn) {
        int succeeded = 0;
        long last = launched;
        double longest = 0;
        double[] durations = new double[calls.size()];
        double[] sendLags = new double[calls.size()];
        double[] receiveLags = new double[calls.size()];
        Map<String, Long> errors = new TreeMap<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            String failure = call.failure();
            if (failure == null) {
                succeeded++;
            } else {
                errors.merge(failure, 1L, Long::sum);
            }
            durations[i] = call.ended == 0 ? Double.NaN : (call.ended - call.started) / 1e6;
            longest = Math.max(longest, Double.isNaN(durations[i]) ? 0 : durations[i]);
            last = Math.max(last, call.ended);
            DelayedMessagesApi.Batch.Request seen = atStandIn.get(call.tag);
            sendLags[i] = seen == null ? Double.NaN : (seen.arrived - call.started) / 1e6;
            receiveLags[i] = seen == null || seen.answered == 0 || call.ended == 0 ? Double.NaN : (call.ended - seen.answered) / 1e6;
        }
        return new InFlightResult("bare JDK HttpClient", 0, calls.size(), calls.size(), succeeded, calls.size(), (last - launched) / 1e6,
                longest, durations, sendLags, receiveLags, before, peak, harness, snapshot, timeline,
                InFlightResult.RunSpans.NONE, errors);
    }

    private HttpRequest request(String tag) {
        byte[] body = ("{\"max_tokens\":4096,\"messages\":[{\"content\":\"" + DelayedMessagesApi.tagged("Say done.", tag)
                + "\",\"role\":\"user\"}],\"model\":\"" + DelayedMessagesApi.MODEL + "\"}").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(messages).header("content-type", "application/json").header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
