package org.perfect21.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code runs}, {@code show} and {@code output} over one data directory holding a completed run whose gate repeated
 * a phase and whose forEach agent ran once per item, a failed run, and before them a run of feature-development
 * whose outputs were stored cut at 1 KB.
 */
class RunHistoryCommandTests {

    @TempDir
    static Path dir;

    static String planned;
    static String looping;
    static String failing;

    @BeforeAll
    static void twoRuns() throws IOException {
        // The gate passes on the second iteration only: draft 2.
        Path loopingFile = Files.writeString(dir.resolve("looping.yml"), """
                name: looping
                parameters:
                  files: {type: list, default: [a.txt, b.txt]}
                phases:
                  - name: write
                    agents: [{name: writer, kind: command, command: [echo, "draft {{phase.iteration}}"]}]
                    gate:
                      expect: [{agent: writer, matches: "draft 2"}]
                      onFail: {repeat: write, times: 1}
                  - name: check
                    agents: [{name: each, kind: command, forEach: "{{params.files}}", command: [echo, "item {{item}}"]}]
                """);
        Path failingFile = Files.writeString(dir.resolve("failing.yml"), """
                name: failing
                phases:
                  - name: doomed
                    agents: [{name: bad, kind: command, command: [sh, -c, "echo nope >&2; exit 4"]}]
                """);
        CliCall plan = CliCall.run(dir, "run", "feature-development", "--json", "--perfect21.execution.stored-output=1KB");
        assertThat(plan.exit()).as(plan.err()).isZero();
        planned = new JsonMapper().readTree(plan.out()).get("runId").asString();
        CliCall first = CliCall.run(dir, "run", loopingFile.toString(), "--json");
        assertThat(first.exit()).as(first.err()).isZero();
        looping = new JsonMapper().readTree(first.out()).get("runId").asString();
        CliCall second = CliCall.run(dir, "run", failingFile.toString(), "--json");
        assertThat(second.exit()).isEqualTo(1);
        failing = new JsonMapper().readTree(second.out()).get("runId").asString();
    }

    @Test
    void runsListsRunsNewestFirstWithTheirStatusDurationAndError() {
        CliCall runs = cli("runs");

        assertThat(runs.exit()).as(runs.err()).isZero();
        String[] lines = runs.out().split("\n");
        assertThat(lines[0]).startsWith("RUN").contains("WORKFLOW", "STATUS", "ORIGIN", "CREATED", "DURATION", "ERROR");
        assertThat(lines[1]).startsWith(failing).contains("failing", "FAILED", "cli", "phase 'doomed': 0 of 1 agents succeeded");
        assertThat(lines[2]).startsWith(looping).contains("looping", "COMPLETED").matches(".*\\d+(\\.\\d)?m?s$");
        assertThat(lines[3]).startsWith(planned);
        assertThat(lines[4]).isEqualTo("(3 runs)");
    }

    @Test
    void runsFiltersByWorkflowAndStatusAndIsLimited() {
        CliCall ofLooping = cli("runs", "--workflow", "looping");
        CliCall failed = cli("runs", "--status", "failed");
        CliCall one = cli("runs", "--limit", "1");

        assertThat(ofLooping.out()).contains(looping).doesNotContain(failing).endsWith("(1 run)\n");
        assertThat(failed.out()).contains(failing).doesNotContain(looping);
        assertThat(one.out()).contains(failing).doesNotContain(looping).endsWith("(1 of 3 runs; --limit N shows more)\n");
        assertThat(cli("runs", "--workflow", "nothing").out()).isEqualTo("no runs\n");
    }

    @Test
    void anUnknownStatusOrABadLimitIsAUsageErrorListingTheValidOnes() {
        CliCall status = cli("runs", "--status", "DONE");
        CliCall limit = cli("runs", "--limit", "0");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).isEqualTo("error: --status 'DONE' is not a run status; valid: QUEUED, STARTING, RUNNING, "
                + "COMPLETED, FAILED, STOPPED\n");
        assertThat(limit.exit()).isEqualTo(2);
        assertThat(limit.err()).isEqualTo("error: --limit 0 must be at least 1\n");
    }

    @Test
    void showPrintsThePastRunAsRunPrintedIt() {
        CliCall table = cli("show", looping);
        CliCall json = cli("show", failing, "--json");

        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("run " + looping + "  workflow looping  COMPLETED in ")
                .contains("write#2", "each[0]", "each[1]", "; gate passed");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode document = new JsonMapper().readTree(json.out());
        assertThat(document.get("runId").asString()).isEqualTo(failing);
        assertThat(document.get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void anUnknownRunIsOneLineAndExitsTwo() {
        assertThat(cli("show", "no-such-run")).isEqualTo(new CliCall(2, "", "error: no run with id 'no-such-run'\n"));
        assertThat(cli("output", "no-such-run", "writer")).isEqualTo(new CliCall(2, "", "error: no run with id 'no-such-run'\n"));
    }

    @Test
    void outputPrintsTheLatestIterationRawOrTheOneAsked() {
        assertThat(cli("output", looping, "writer")).isEqualTo(new CliCall(0, "draft 2\n", ""));
        assertThat(cli("output", looping, "writer", "--iteration", "1")).isEqualTo(new CliCall(0, "draft 1\n", ""));
        assertThat(cli("output", looping, "writer", "--phase", "write")).isEqualTo(new CliCall(0, "draft 2\n", ""));
        assertThat(cli("output", looping, "each[1]")).isEqualTo(new CliCall(0, "item b.txt\n", ""));
    }

    @Test
    void anAgentPhaseOrIterationWithoutOutputIsOneLineAndExitsTwo() {
        assertThat(cli("output", looping, "each")).isEqualTo(new CliCall(2, "",
                "error: run " + looping + " has no stored output of agent 'each'\n"));
        assertThat(cli("output", looping, "writer", "--phase", "check")).isEqualTo(new CliCall(2, "",
                "error: agent 'writer' has no stored output in phase 'check' of run " + looping + "\n"));
        assertThat(cli("output", looping, "writer", "--iteration", "3")).isEqualTo(new CliCall(2, "",
                "error: agent 'writer' has no stored output in iteration 3 of phase 'write' of run " + looping + "\n"));
    }

    @Test
    void anAgentThatRanInSeveralPhasesNeedsThePhaseAndACutOutputIsNotedOnStderr() {
        CliCall unchosen = cli("output", planned, "security-auditor");
        CliCall chosen = cli("output", planned, "security-auditor", "--phase", "review");

        assertThat(unchosen).isEqualTo(new CliCall(2, "", "error: agent 'security-auditor' ran in phases analysis, review: "
                + "add --phase analysis or --phase review\n"));
        assertThat(chosen.exit()).isZero();
        assertThat(chosen.out()).hasSize(1024);
        assertThat(chosen.err()).isEqualTo("note: agent 'security-auditor' wrote more than is stored; this is the stored part "
                + "(1024 characters)\n");
    }

    private static CliCall cli(String... args) {
        return CliCall.run(dir, args);
    }
}
