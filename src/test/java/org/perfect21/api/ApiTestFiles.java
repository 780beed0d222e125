package org.perfect21.api;

import java.nio.file.Path;

import org.perfect21.testing.ScratchDirectory;

/** The API tests' jobs directory, for tests that start servers of their own. */
final class ApiTestFiles {

    /** The workflows the API tests launch: quick, slow, typed, sleeper (a 30 s process), load, nap, yearly (scheduled). */
    static final Path TEMPLATE = Path.of("src/test/jobs/api");

    private ApiTestFiles() {
    }

    /** A copy of the API tests' jobs directory in {@code dir/jobs}. */
    static Path jobsDir(Path dir) {
        Path jobs = dir.resolve("jobs");
        ScratchDirectory.copy(TEMPLATE, jobs);
        return jobs;
    }
}
