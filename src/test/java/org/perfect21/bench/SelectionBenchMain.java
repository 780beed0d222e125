package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The automatic selection part of the benchmark alone: {@code SelectionBenchMain}. Generates its library and history in
 * a temporary directory, removes it afterwards, and prints the report's section.
 */
public final class SelectionBenchMain {

    static final String COMMAND = "mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath"
            + " && java -cp target/classes:target/test-classes:$(cat target/bench.classpath) org.perfect21.bench.SelectionBenchMain";

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("perfect21-selection-bench");
        try {
            long began = System.nanoTime();
            SelectionBench.measure(scratch).report().forEach(System.out::println);
            System.out.printf("took %d s%n", (System.nanoTime() - began) / 1_000_000_000);
        } finally {
            GitBench.deleteRecursively(scratch);
        }
        System.exit(0);
    }
}
