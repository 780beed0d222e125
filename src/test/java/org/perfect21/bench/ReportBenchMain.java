package org.perfect21.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The admin reports part of the benchmark alone: {@code ReportBenchMain <scratch-dir>}. Generates its history in an H2
 * file database under the scratch directory (left there) and prints the report's section.
 */
public final class ReportBenchMain {

    static final String COMMAND = "mvn -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath"
            + " && java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench.classpath)"
            + " org.perfect21.bench.ReportBenchMain \"$(mktemp -d)\"";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReportBenchMain <scratch-dir>");
            System.exit(2);
        }
        Path scratch = Path.of(args[0]);
        Files.createDirectories(scratch);
        long began = System.nanoTime();
        ReportBench.measure(scratch).report().forEach(System.out::println);
        System.out.printf("took %d s%n", (System.nanoTime() - began) / 1_000_000_000);
        System.exit(0);
    }
}
