package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The git snapshot part of the benchmark alone: {@code GitBenchMain [--quick]}. Builds its repository in a temporary
 * directory, removes it afterwards, and prints the report's section.
 */
public final class GitBenchMain {

    static final String COMMAND = "mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath"
            + " && java -cp target/classes:target/test-classes:$(cat target/bench.classpath) org.perfect21.bench.GitBenchMain";

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("perfect21-git-bench");
        try {
            long began = System.nanoTime();
            GitBench.Result result = GitBench.measure(scratch, List.of(args).contains("--quick"));
            result.report().forEach(System.out::println);
            System.out.printf("took %d s%n", (System.nanoTime() - began) / 1_000_000_000);
        } finally {
            GitBench.deleteRecursively(scratch);
        }
        System.exit(0);
    }
}
