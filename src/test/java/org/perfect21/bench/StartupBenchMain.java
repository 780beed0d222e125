package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start-up section alone, from the project directory after {@code mvn -B -DskipTests package}:
 * {@value #COMMAND}. Prints the report's section.
 */
public final class StartupBenchMain {

    static final String COMMAND = "mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath"
            + " && java -cp target/classes:target/test-classes:$(cat target/bench.classpath) org.perfect21.bench.StartupBenchMain";

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("perfect21-startup-bench");
        try {
            StartupBench.measure(scratch).report().forEach(System.out::println);
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }
}
