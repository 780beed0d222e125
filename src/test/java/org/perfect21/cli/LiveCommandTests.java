package org.perfect21.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What run, restart's sibling options and watch print without a terminal (the tests' stdout is a buffer). */
class LiveCommandTests {

    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @TempDir
    Path dir;

    @Test
    void runPrintsOneLinePerEventThenTheTableAndWatchOfTheEndedRunPrintsTheTable() {
        CliCall run = CliCall.run(dir, "run", "feature-development");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        String runId = lines.get(0).replaceAll(TIME + "run (\\S+) of feature-development started", "$1");
        List<String> events = lines.subList(0, lines.indexOf(run.table().lines().findFirst().orElseThrow()));
        assertThat(events).allMatch(l -> l.matches(TIME + ".*"));
        // Seven agents (five analysts, two reviewers): each starts once and completes once.
        assertThat(events).filteredOn(l -> l.matches(TIME + "(analysis|review) \\S+ RUNNING attempt 1")).hasSize(7);
        assertThat(events).filteredOn(l -> l.matches(TIME + "(analysis|review) \\S+ COMPLETED \\d+ ms")).hasSize(7);
        assertThat(events.get(events.size() - 1)).matches(TIME + "run " + runId + " COMPLETED in \\d+ ms");
        assertThat(run.table()).startsWith("run " + runId + "  workflow feature-development  COMPLETED in ");

        CliCall watch = CliCall.run(dir, "watch", runId);
        CliCall unknown = CliCall.run(dir, "watch", "no-such-run");

        assertThat(watch.exit()).as(watch.err()).isZero();
        assertThat(watch.out()).isEqualTo(run.table());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().lines()).containsExactly("error: no run with id 'no-such-run'");
    }

    @Test
    void quietPrintsOnlyTheFinalLineAndExcludesJson() {
        CliCall quiet = CliCall.run(dir, "run", "feature-development", "--quiet");
        CliCall both = CliCall.run(dir, "run", "feature-development", "--quiet", "--json");

        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.out()).matches("run \\S+  workflow feature-development  COMPLETED in \\S+\\R");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.out()).isEmpty();
        assertThat(both.err()).contains("error: --json and --quiet exclude each other");
    }
}
