package org.perfect21.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What every command leaves behind in common: JSON printed one way, and no H2 trace file in the data directory. */
class JsonOutputTests {

    @TempDir
    Path dir;

    @Test
    void everyCommandThatPrintsJsonIndentsItTheSameWay() {
        CliCall run = CliCall.run(dir, "run", "feature-development", "--json");
        String runId = new JsonMapper().readTree(run.out()).get("runId").asString();

        List<CliCall> printed = List.of(run, CliCall.run(dir, "show", runId, "--json"),
                CliCall.run(dir, "report", "workflow-summary", "--format", "json"),
                CliCall.run(dir, "purge", "--dry-run", "--json"));

        assertThat(printed).allSatisfy(call -> {
            assertThat(call.exit()).as(call.err()).isZero();
            assertThat(call.out()).startsWith("{\n  \"").endsWith("}\n");
        });
        assertThat(printed.get(1).out()).isEqualTo(run.out());
    }

    @Test
    void anH2ErrorLeavesNoTraceFileInTheDataDirectory() throws IOException {
        // Without its schema the first query is an error, which H2 would also write to perfect21.trace.db.
        CliCall withoutSchema = CliCall.run(dir, "runs", "--spring.flyway.enabled=false");

        assertThat(withoutSchema.exit()).isEqualTo(2);
        assertThat(withoutSchema.err()).contains("not found (this database is empty)");

        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("perfect21.mv.db")
                    .noneMatch(name -> name.endsWith(".trace.db"));
        }
    }
}
