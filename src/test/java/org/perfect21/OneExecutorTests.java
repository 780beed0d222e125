package org.perfect21;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.launch.RunLauncher;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One executor: while a server runs 200 runs, the only threads it starts belong to the agent executor,
 * Quartz, the web server and the database (connection pool, H2); after it closes, none of them is left
 * and the live thread count is back to its baseline. Threads are compared by identity with those alive
 * before, so contexts other test classes keep open in this JVM do not disturb the count.
 */
class OneExecutorTests {

    /** Thread name prefixes of the pools the application may start, by owner. */
    private static final Map<String, List<String>> POOLS = Map.of(
            "agent executor", List.of("perfect21-agent-"),
            "quartz", List.of("perfect21_Worker-", "perfect21_QuartzSchedulerThread", "QuartzScheduler_perfect21"),
            "web server", List.of("http-nio-", "Catalina-utility-", "container-"),
            "database", List.of("HikariPool-", "MVStore background writer", "H2-", "H2 File Lock Watchdog",
                    // AUTO_SERVER (the default URL's mixed mode) serves the file to other processes.
                    "H2 TCP Server"));
    /**
     * Threads the JDK starts once and keeps for the life of the JVM (CompletableFuture's timer, process
     * reapers). Awaitility polls on the test's thread here, so it starts none.
     */
    private static final List<String> JDK = List.of("CompletableFutureDelayScheduler", "process reaper", "Common-Cleaner",
            "Attach Listener", "Notification Thread", "background-preinit");

    @TempDir
    Path dir;

    @Test
    void twoHundredRunsLeaveNoThreadBehindOnceTheApplicationCloses() throws IOException {
        Path jobs = dir.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.writeString(jobs.resolve("workflows/noop.yml"), """
                name: noop
                phases:
                  - name: only
                    agents:
                      - {name: a, kind: simulated}
                      - {name: b, kind: simulated}
                      - {name: c, kind: simulated}
                      - {name: d, kind: simulated}
                      - {name: e, kind: simulated, latency: 1ms}
                """);
        // Warm-up: lets the JVM start what it keeps for good (CompletableFuture's timer thread, JIT, ...).
        Set<Thread> beforeWarmUp = liveThreads();
        try (ConfigurableApplicationContext warmUp = start(dir.resolve("data"), jobs)) {
            runAll(warmUp, 20);
        }
        awaitOnlyJdkThreadsLeft(beforeWarmUp);
        Set<Thread> baseline = liveThreads();
        int baselineCount = ManagementFactory.getThreadMXBean().getThreadCount();

        Map<String, Set<String>> started = new TreeMap<>();
        try (ConfigurableApplicationContext context = start(dir.resolve("data"), jobs)) {
            runAll(context, 200);
            for (Thread thread : newThreads(baseline)) {
                started.computeIfAbsent(ownerOf(thread.getName()), k -> new TreeSet<>()).add(thread.getName());
            }
        }

        assertThat(started.keySet()).as("owners of the threads the application started: %s", started)
                .doesNotContain("unknown").contains("agent executor", "quartz", "web server", "database");
        awaitOnlyJdkThreadsLeft(baseline);
        int jdkStarted = (int) newThreads(baseline).stream().filter(t -> "jdk".equals(ownerOf(t.getName()))).count();
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
                        .as("live threads after close, against %d before it started", baselineCount)
                        .isLessThanOrEqualTo(baselineCount + jdkStarted));
    }

    private static ConfigurableApplicationContext start(Path data, Path jobs) {
        return new SpringApplicationBuilder(Perfect21Application.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .run("--perfect21.data-dir=" + data, "--perfect21.jobs-dir=" + jobs, "--server.port=0",
                        "--perfect21.tokens=admin:one-executor-admin-token-0123456789",
                        "--logging.level.org.perfect21=WARN", "--logging.level.org.springframework.batch=WARN");
    }

    /** Launches the runs through the launch queue and waits until all have completed. */
    private static void runAll(ConfigurableApplicationContext context, int runs) {
        RunLauncher launcher = context.getBean(RunLauncher.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ids.add(launcher.launch("noop", Map.of(), null, "api").runId());
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(120)).until(() -> launcher.executing() == 0 && launcher.queued() == 0);
        Integer completed = jdbc.queryForObject("SELECT COUNT(*) FROM P21_RUN WHERE STATUS = 'COMPLETED' AND RUN_ID IN ("
                + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")", Integer.class);
        assertThat(completed).isEqualTo(runs);
    }

    private static void awaitOnlyJdkThreadsLeft(Set<Thread> before) {
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(newThreads(before))
                .as("threads left behind").filteredOn(t -> !"jdk".equals(ownerOf(t.getName())))
                .extracting(Thread::getName).isEmpty());
    }

    private static String ownerOf(String threadName) {
        for (Map.Entry<String, List<String>> pool : POOLS.entrySet()) {
            if (pool.getValue().stream().anyMatch(threadName::startsWith)) {
                return pool.getKey();
            }
        }
        return JDK.stream().anyMatch(threadName::startsWith) ? "jdk" : "unknown";
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    private static List<Thread> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t)).toList();
    }
}
