package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL throughput section alone: {@value #COMMAND}. Prints the report's section and its target row.
 */
public final class PostgresBenchMain {

    static final String COMMAND = "mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath"
            + " && java -cp target/classes:target/test-classes:$(cat target/bench.classpath) org.perfect21.bench.PostgresBenchMain";

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("perfect21-postgres-bench");
        Path jobs = scratch.resolve("jobs");
        Files.createDirectories(jobs.resolve("workflows"));
        Files.createDirectories(jobs.resolve("agents"));
        Files.writeString(jobs.resolve("workflows").resolve(BenchmarkMain.NO_OP.name() + ".yml"), BenchmarkMain.NO_OP.yaml());
        try {
            PostgresBench.Result result = PostgresBench.measure(scratch, jobs, BenchmarkMain.Settings.of(args.length > 0
                    && args[0].equals("--quick")));
            result.report().forEach(System.out::println);
            System.out.println(result.target());
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }
}
