package org.perfect21.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 launches from 20 client threads against 4 concurrent runs and a queue of 50: every answer is
 * 202 or 429, every accepted run completes exactly once, none is lost, never more than 4 run at once.
 */
@ApiServerTest
@TestPropertySource(properties = {
        "perfect21.execution.max-concurrent-runs=4",
        "perfect21.execution.queue-capacity=50"})
class LaunchLoadTests {

    
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyLaunchIsAcceptedOrRefusedAndEveryAcceptedRunCompletesOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        List<ApiClient.Answer> answers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 20; client++) {
                done.add(clients.submit(() -> {
                    go.await();
                    for (int i = 0; i < 10; i++) {
                        answers.add(api.post("/api/workflows/load/runs", ApiClient.OPERATOR, "{}"));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers).hasSize(200).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(202, 429));
        List<ApiClient.Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        List<String> accepted = answers.stream().filter(a -> a.status() == 202).map(a -> a.json().path("runId").asString()).toList();
        assertThat(refused).as("the queue of 50 filled up").isNotEmpty().allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(a.header("Retry-After"))).isPositive();
        });
        assertThat(accepted).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(54);

        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM P21_RUN WHERE WORKFLOW = 'load' AND STATUS = 'COMPLETED'", Integer.class) == accepted.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN WHERE WORKFLOW = 'load'", Integer.class))
                .as("refused launches left nothing behind").isEqualTo(accepted.size());
        assertThat(jdbc.queryForList("SELECT RUN_ID FROM P21_RUN WHERE WORKFLOW = 'load'", String.class))
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'load'", Integer.class))
                .as("each run executed once").isEqualTo(accepted.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_AGENT_RESULT a JOIN P21_RUN r ON r.RUN_ID = a.RUN_ID"
                + " WHERE r.WORKFLOW = 'load' AND a.STATUS = 'COMPLETED' AND a.ATTEMPTS = 1", Integer.class))
                .isEqualTo(2 * accepted.size());
        assertThat(maxOverlap()).as("runs executing at once").isBetween(1, 4);
    }

    /** The most runs whose [started, ended] intervals overlap at one instant. */
    private int maxOverlap() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT STARTED_AT, ENDED_AT FROM P21_RUN WHERE WORKFLOW = 'load'");
        List<long[]> events = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            events.add(new long[] {micros(row.get("STARTED_AT")), 1});
            events.add(new long[] {micros(row.get("ENDED_AT")), -1});
        }
        // At equal instants an end comes before a start: the freed slot is what started the next run.
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int max = 0;
        for (long[] event : events) {
            now += (int) event[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private static long micros(Object timestamp) {
        Instant instant = timestamp instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
