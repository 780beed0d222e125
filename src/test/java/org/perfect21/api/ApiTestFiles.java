package org.perfect21.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch data directories and a small jobs directory for API tests. */
final class ApiTestFiles {

    private ApiTestFiles() {
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("perfect21-api-tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes workflows quick, slow, typed (integer parameter count) and sleeper (a 30 s process) under dir/jobs. */
    static Path jobsDir(Path dir) throws IOException {
        Path jobs = dir.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        workflow(jobs, "quick", "{name: q, kind: simulated, latency: 20ms, outputBytes: 100}");
        workflow(jobs, "slow", "{name: s, kind: simulated, latency: 300ms}");
        workflow(jobs, "sleeper", "{name: fast, kind: simulated, latency: 10ms}\n      - {name: sleeper, kind: command, command: [sleep, \"30\"]}");
        Files.writeString(jobs.resolve("workflows/typed.yml"), """
                name: typed
                parameters:
                  count: {type: integer, required: true}
                phases:
                  - name: only
                    agents:
                      - {name: t, kind: simulated, latency: 10ms}
                """);
        return jobs;
    }

    static void workflow(Path jobs, String name, String agents) throws IOException {
        Files.writeString(jobs.resolve("workflows/" + name + ".yml"), """
                name: %s
                phases:
                  - name: only
                    agents:
                      - %s
                """.formatted(name, agents));
    }
}
