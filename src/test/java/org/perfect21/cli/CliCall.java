package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One command-line call on a test's own data directory and the shipped jobs directory: its exit code and what it
 * printed on stdout and stderr.
 */
record CliCall(int exit, String out, String err) {

    /** What stdout holds from the run table's first line on: without a terminal, the run's event lines come first. */
    String table() {
        int start = out.startsWith("run ") ? 0 : out.indexOf("\nrun ") + 1;
        return out.substring(start);
    }

    static CliCall run(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Arrays.stream(args),
                Stream.of("--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs")).toArray(String[]::new);
        int exit = new Perfect21Cli(org.perfect21.Perfect21Application.class, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all);
        return new CliCall(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
