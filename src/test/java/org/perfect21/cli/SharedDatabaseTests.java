package org.perfect21.cli;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command beside a running server on the same data directory: the server (its own JVM) opened the H2 file in mixed
 * mode (AUTO_SERVER), so the command connects to it over loopback TCP instead of failing on the file lock.
 */
class SharedDatabaseTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Process server;
    private int port;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void runReportAndPurgeWorkBesideARunningServer() throws Exception {
        startServer();

        CliCall run = CliCall.run(dir, "run", "feature-development", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"status\" : \"COMPLETED\"");

        CliCall report = CliCall.run(dir, "report", "workflow-summary", "--format", "csv");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("feature-development");

        CliCall purge = CliCall.run(dir, "purge", "--dry-run");
        assertThat(purge.exit()).as(purge.err()).isZero();

        assertThat(healthStatus()).as("the server still answers").isEqualTo(200);
        assertThat(server.isAlive()).isTrue();
    }

    private void startServer() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath(), "org.perfect21.Perfect21Application", "serve",
                "--server.port=" + port, "--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs",
                "--perfect21.tokens=admin:shared-database-token"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        this.port = port;
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .failFast(() -> assertThat(server.isAlive()).as("the server is running; its log:%n%s", tail(log)).isTrue())
                .until(() -> healthStatus() == 200);
        assertThat(Files.readString(dir.resolve("data/perfect21.lock.db"))).as("H2 serves the file on loopback only")
                .containsPattern("server=(localhost|127\\.0\\.0\\.1)\\\\:\\d+");
    }

    /** The test's class path without surefire's booter jar, whose manifest lists it again (reports found twice). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private int healthStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
