package org.perfect21.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.Perfect21Application;
import org.perfect21.launch.RunLauncher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Launches through the REST API: {@link #CLIENTS} client threads POST launches of the no-op workload
 * back to back against a server on a random port (default limits: 16 runs at once, the rest queued),
 * then wait until every run has ended. Measures POST latency and end-to-end runs/s.
 */
final class ApiBench {

    static final int CLIENTS = 50;
    private static final String TOKEN = "bench-operator-token-0123456789abcdef";

    /** One repetition: every POST's latency, and when the first POST left and the last run ended. */
    record Sample(int launches, long[] postNanos, int refused, double postSeconds, double endToEndSeconds,
                  double queueWaitP50Millis, double queueWaitP95Millis, int completed, double drainRunsPerSecond) {

        double percentileMillis(double p) {
            long[] sorted = postNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        double launchesPerSecond() {
            return launches / postSeconds;
        }

        double runsPerSecond() {
            return completed / endToEndSeconds;
        }
    }

    private ApiBench() {
    }

    static List<Sample> measure(Path scratch, Path jobs, Workload workload, int launches, int warmups, int repetitions) throws Exception {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Perfect21Application.class)
                .web(WebApplicationType.SERVLET)
                .properties("perfect21.data-dir=" + scratch.resolve("api-data"), "perfect21.jobs-dir=" + jobs,
                        "perfect21.tokens=operator:" + TOKEN, "server.port=0", "logging.level.root=WARN",
                        "spring.main.banner-mode=off", "perfect21.execution.queue-capacity=1000000")
                .run()) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            RunLauncher launcher = server.getBean(RunLauncher.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/workflows/" + workload.name() + "/runs");
            for (int i = 0; i < warmups; i++) {
                once(http, uri, jdbc, launcher, launches);
            }
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                samples.add(once(http, uri, jdbc, launcher, launches));
            }
            return samples;
        }
    }

    private static Sample once(HttpClient http, URI uri, JdbcTemplate jdbc, RunLauncher launcher, int launches) throws Exception {
        jdbc.update("UPDATE P21_RUN SET ORIGIN = 'bench-old' WHERE ORIGIN = 'api'");
        long[] latencies = new long[launches];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"params\":{}}")).build();
        Instant began;
        long postsStarted;
        long postsEnded;
        Instant postsEndedAt;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < launches; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies[i] = System.nanoTime() - t;
                        if (response.statusCode() != 202) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            began = Instant.now();
            postsStarted = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            postsEnded = System.nanoTime();
            postsEndedAt = Instant.now();
        } finally {
            clients.shutdownNow();
        }
        int accepted = launches - refused.get();
        // Watch the launcher's counters (no query load on the database being measured).
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> launcher.queued() == 0 && launcher.executing() == 0);
        Map<String, Object> ends = jdbc.queryForMap("SELECT MAX(ENDED_AT) AS LAST_END,"
                + " SUM(CASE WHEN STATUS = 'COMPLETED' THEN 1 ELSE 0 END) AS COMPLETED FROM P21_RUN WHERE ORIGIN = 'api'");
        double endToEnd = Duration.between(began, instant(ends.get("LAST_END"))).toNanos() / 1e9;
        List<Long> waits = jdbc.query("SELECT CREATED_AT, STARTED_AT FROM P21_RUN WHERE ORIGIN = 'api' AND STARTED_AT IS NOT NULL",
                (rs, i) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)).toMillis());
        long[] sortedWaits = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        // Runs ending after the last POST was answered: the queue draining with no HTTP load.
        Integer drained = jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN WHERE ORIGIN = 'api' AND ENDED_AT > ?", Integer.class,
                postsEndedAt.atOffset(java.time.ZoneOffset.UTC));
        double drainSeconds = Duration.between(postsEndedAt, instant(ends.get("LAST_END"))).toNanos() / 1e9;
        return new Sample(launches, latencies, refused.get(), (postsEnded - postsStarted) / 1e9, endToEnd,
                percentile(sortedWaits, 0.5), percentile(sortedWaits, 0.95), ((Number) ends.get("COMPLETED")).intValue(),
                drained == null || drainSeconds <= 0 ? Double.NaN : drained / drainSeconds);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}
