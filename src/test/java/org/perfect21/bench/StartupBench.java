package org.perfect21.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the command line as processes, shell to exit: the README's command through the launcher
 * ({@code ops/perfect21}, extracted jar + AppCDS archive + client compiler and serial collector) and the bare fat jar,
 * {@code validate} and {@code --help}, each the median of {@value #REPETITIONS} after one warm-up (which also makes the
 * archive), peak RSS from {@code /usr/bin/time}; and the server's start to a healthy {@code /actuator/health}.
 * Needs {@code target/perfect21.jar} (mvn -B -DskipTests package).
 */
final class StartupBench {

    static final int REPETITIONS = 5;
    private static final Path JAR = Path.of("target/perfect21.jar");
    private static final Path LAUNCHER = Path.of("ops/perfect21");
    private static final Path TIME = Path.of("/usr/bin/time");

    /** One command line, its targets (0 = none) and what was measured. */
    record Row(String command, long targetMillis, long targetRssMb, long medianMillis, long minMillis, long maxMillis,
               long peakRssMb) {
        boolean pass() {
            return (targetMillis == 0 || medianMillis <= targetMillis) && (targetRssMb == 0 || peakRssMb <= targetRssMb);
        }

        String verdict() {
            return targetMillis == 0 && targetRssMb == 0 ? "reference" : pass() ? "PASS" : "FAIL";
        }
    }

    record Result(List<Row> rows, String skipped, String load) {
        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## Start-up of the command line");
            lines.add("");
            if (skipped != null) {
                lines.add("Not measured: " + skipped + ".");
                return lines;
            }
            lines.add("Each command as a process from the shell to its exit on an existing database (the warm-up made it and "
                    + "the launcher's CDS archive), median of " + REPETITIONS + "; peak RSS by `/usr/bin/time -f %M`. "
                    + "Load average when the section began: " + load + ".");
            lines.add("");
            lines.add("| command | target | median | min–max | peak RSS | verdict |");
            lines.add("| --- | --- | ---: | ---: | ---: | --- |");
            for (Row row : rows) {
                String target = (row.targetMillis() == 0 ? "" : "≤ " + row.targetMillis() + " ms")
                        + (row.targetRssMb() == 0 ? "" : ", ≤ " + row.targetRssMb() + " MB");
                lines.add(String.format("| `%s` | %s | %d ms | %d–%d ms | %s | %s |", row.command(), target.isEmpty() ? "—" : target,
                        row.medianMillis(), row.minMillis(), row.maxMillis(), row.peakRssMb() < 0 ? "n/a" : row.peakRssMb() + " MB",
                        row.verdict()));
            }
            return lines;
        }
    }

    private StartupBench() {
    }

    static Result measure(Path scratch) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            return new Result(List.of(), JAR + " is missing (mvn -B -DskipTests package first)", null);
        }
        String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "n/a";
        String data = "--perfect21.data-dir=" + scratch.resolve("startup-data");
        List<Row> rows = new ArrayList<>();
        rows.add(command("ops/perfect21 run feature-development", 1500, 160, LAUNCHER.toString(), "run", "feature-development", data));
        rows.add(command("java -jar target/perfect21.jar run feature-development", 0, 0, "java", "-jar", JAR.toString(), "run",
                "feature-development", data));
        rows.add(command("ops/perfect21 validate", 1000, 0, LAUNCHER.toString(), "validate", data));
        rows.add(command("ops/perfect21 --help", 500, 0, LAUNCHER.toString(), "--help"));
        rows.add(serverToHealthy(scratch));
        return new Result(rows, null, load);
    }

    private static Row command(String label, long targetMillis, long targetRssMb, String... command) throws Exception {
        BenchmarkMain.log("start-up: " + label);
        exec(command);
        long[] millis = new long[REPETITIONS];
        long rss = -1;
        for (int i = 0; i < REPETITIONS; i++) {
            long[] sample = exec(command);
            millis[i] = sample[0];
            rss = Math.max(rss, sample[1]);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Row(label, targetMillis, targetRssMb, sorted[REPETITIONS / 2], sorted[0], sorted[REPETITIONS - 1], rss);
    }

    /** Wall milliseconds and peak RSS in MB (-1 without /usr/bin/time) of one run, which must exit 0. */
    private static long[] exec(String... command) throws Exception {
        Path rssFile = Files.createTempFile("perfect21-startup", ".rss");
        try {
            List<String> line = new ArrayList<>();
            if (Files.isExecutable(TIME)) {
                line.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
            }
            line.addAll(List.of(command));
            long began = System.nanoTime();
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            long millis = (System.nanoTime() - began) / 1_000_000;
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
            String rss = Files.readString(rssFile).trim();
            return new long[] {millis, rss.isEmpty() ? -1 : Long.parseLong(rss.lines().reduce((a, b) -> b).orElseThrow()) / 1024};
        } finally {
            Files.deleteIfExists(rssFile);
        }
    }

    /** The server (fat jar, default JVM settings) from the process start to the first 200 of /actuator/health. */
    private static Row serverToHealthy(Path scratch) throws Exception {
        String label = "java -jar target/perfect21.jar serve (to healthy)";
        BenchmarkMain.log("start-up: " + label);
        HttpClient http = HttpClient.newHttpClient();
        int repetitions = 3;
        long[] millis = new long[repetitions];
        for (int i = 0; i < repetitions; i++) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            long began = System.nanoTime();
            Process server = new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--server.port=" + port,
                    "--perfect21.data-dir=" + scratch.resolve("startup-data"), "--perfect21.tokens=admin:startup-bench")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (healthStatus(http, port) != 200) {
                    if (!server.isAlive() || System.nanoTime() - began > TimeUnit.SECONDS.toNanos(120)) {
                        throw new IllegalStateException("the server did not become healthy");
                    }
                    // Polling a process the bench does not control; the bench is test code.
                    Thread.sleep(20);
                }
                millis[i] = (System.nanoTime() - began) / 1_000_000;
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
        Arrays.sort(millis);
        return new Row(label, 0, 0, millis[repetitions / 2], millis[0], millis[repetitions - 1], -1);
    }

    private static int healthStatus(HttpClient http, int port) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
