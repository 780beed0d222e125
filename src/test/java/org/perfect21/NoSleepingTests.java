package org.perfect21;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform waits on events, futures, counts and triggers: production code never sleeps or parks on the clock. */
class NoSleepingTests {

    private static final Pattern SLEEPING = Pattern.compile(
            "Thread\\.sleep|TimeUnit\\.[A-Z]+\\.sleep|LockSupport\\.park(Nanos|Until)|\\.sleep\\(");

    @Test
    void productionCodeNeverSleeps() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(NoSleepingTests::sleepingLines)
                    .toList();
        }

        assertThat(offenders).isEmpty();
    }

    private static Stream<String> sleepingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> SLEEPING.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
