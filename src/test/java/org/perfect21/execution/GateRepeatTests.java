package org.perfect21.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.WorkflowDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gate that sends the work back ({@code onFail: {repeat: <phase>, times: n}}): the phases from the named one to the
 * gate's run again with the failed checks as {@code {{gate.feedback}}}, each iteration's rows are kept, the run
 * document lists phases in execution order with their iteration, and a restart resumes in the iteration it stopped in.
 * The verdict agent answers with the iteration it runs in, so a gate expecting "VERDICT 2" fails once, then passes.
 */
class GateRepeatTests extends EngineTestSupport {

    private static final String LOOP = """
            name: %s
            phases:
              - name: plan
                agents: [{name: planner, kind: probe}]
              - name: implement
                instruction: "Fix: {{#gate.feedback}}{{gate.feedback}}{{/gate.feedback}}"
                agents:
                  - {name: coder, kind: probe}
                  - {name: checker, kind: command, command: [test, "!", "-e", "%s/block-{{phase.iteration}}"]}
              - name: review
                agents: [{name: verdict, kind: probe, instruction: "VERDICT {{phase.iteration}}"}]
                gate:
                  expect: [{agent: verdict, matches: "%s"}]
                  onFail: {repeat: implement, times: %d}
              - name: ship
                agents: [{name: shipper, kind: probe, instruction: "shipping {{context.phases.implement.coder}}"}]
            """;

    private WorkflowDefinition loop(String name, String expected, int times) {
        return workflow(LOOP.formatted(name, dir, expected, times));
    }

    @Test
    void aGateThatFailsOnceThenPassesCompletesWithTwoIterationsKept() {
        RunDocument run = runner.run(loop("fails-once", "VERDICT 2", 2), Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases()).extracting(p -> p.name() + "#" + p.iteration()).containsExactly(
                "plan#1", "implement#1", "review#1", "implement#2", "review#2", "ship#1");
        assertThat(run.phases()).extracting(RunDocument.Phase::index).containsExactly(0, 1, 2, 1, 2, 3);
        assertThat(run.phases()).extracting(RunDocument.Phase::status).containsOnly(PhaseStatus.COMPLETED);
        RunDocument.Gate first = run.phases().get(2).gate();
        assertThat(first.passed()).isFalse();
        assertThat(first.checks().get(1)).isEqualTo(new RunDocument.GateCheck("verdict matches VERDICT 2", false,
                "not found in its output: VERDICT 1"));
        assertThat(run.phases().get(4).gate().passed()).isTrue();
        assertThat(probe.invocationsOf("planner")).as("the phase before the loop runs once").isEqualTo(1);
        assertThat(probe.invocationsOf("coder")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT ITERATION FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'coder'"
                + " ORDER BY ITERATION", Integer.class, run.runId())).as("both iterations' rows kept").containsExactly(1, 2);
        assertThat(jdbc.queryForList("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'coder'"
                + " ORDER BY ITERATION", String.class, run.runId())).satisfiesExactly(
                firstOutput -> assertThat(firstOutput).isEqualTo("Fix: "),
                secondOutput -> assertThat(secondOutput).startsWith("Fix: The gate of phase 'review' failed in iteration 1:\n"
                        + "- verdict matches VERDICT 2: not found in its output: VERDICT 1\n").contains("Output of verdict:\nVERDICT 1"));
        String shipped = jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'shipper'",
                String.class, run.runId());
        assertThat(shipped).as("later phases see the latest iteration's outputs").contains("Fix: The gate of phase 'review'")
                .doesNotContain("Fix: \n");
    }

    @Test
    void aGateThatNeverPassesFailsTheRunAfterItsRepeats() {
        RunDocument run = runner.run(loop("never-passes", "VERDICT 9", 2), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("phase 'review': gate failed after 2 repeats from phase 'implement' (times: 2):"
                + " verdict matches VERDICT 9: not found in its output: VERDICT 3");
        assertThat(run.phases()).extracting(p -> p.name() + "#" + p.iteration() + " " + p.status()).containsExactly(
                "plan#1 COMPLETED", "implement#1 COMPLETED", "review#1 COMPLETED", "implement#2 COMPLETED",
                "review#2 COMPLETED", "implement#3 COMPLETED", "review#3 FAILED");
        assertThat(probe.invocationsOf("shipper")).isZero();
    }

    @Test
    void aRestartInTheSecondIterationResumesThere() throws IOException {
        Path block = Files.createFile(dir.resolve("block-2"));
        WorkflowDefinition workflow = loop("restarted-in-loop", "VERDICT 2", 2);
        RunDocument failed = runner.run(workflow, Map.of());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.phases()).extracting(p -> p.name() + "#" + p.iteration() + " " + p.status()).containsExactly(
                "plan#1 COMPLETED", "implement#1 COMPLETED", "review#1 COMPLETED", "implement#2 FAILED");
        Files.delete(block);

        RunDocument restarted = runner.restart(failed.runId());

        assertThat(restarted.status()).as(String.valueOf(restarted.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(restarted.phases()).extracting(p -> p.name() + "#" + p.iteration()).containsExactly(
                "plan#1", "implement#1", "review#1", "implement#2", "review#2", "ship#1");
        assertThat(probe.invocationsOf("planner")).isEqualTo(1);
        assertThat(probe.invocationsOf("coder")).as("completed in iteration 2 before the restart: not run again").isEqualTo(2);
        assertThat(probe.invocationsOf("verdict")).isEqualTo(2);
        RunDocument.Agent checker = restarted.phases().get(3).agents().get(1);
        assertThat(checker.status()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(checker.attempts()).isEqualTo(2);
        assertThat(restarted.phases().get(1).durationMs()).as("iteration 1's rows stay as they were")
                .isEqualTo(failed.phases().get(1).durationMs());
    }

    @Test
    void aRestartAfterTheLoopPassedDoesNotRepeatIt() {
        probe.failing.add("shipper");
        RunDocument failed = runner.run(loop("fails-after-loop", "VERDICT 2", 1), Map.of());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        probe.failing.clear();

        RunDocument restarted = runner.restart(failed.runId());

        assertThat(restarted.status()).as(String.valueOf(restarted.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(restarted.phases()).extracting(p -> p.name() + "#" + p.iteration()).containsExactly(
                "plan#1", "implement#1", "review#1", "implement#2", "review#2", "ship#1");
        assertThat(probe.invocationsOf("coder")).isEqualTo(2);
        assertThat(probe.invocationsOf("verdict")).isEqualTo(2);
        assertThat(probe.invocationsOf("shipper")).isEqualTo(2);
    }

    @Test
    void aGateMayRepeatItsOwnPhase() {
        RunDocument run = runner.run(workflow("""
                name: self-repeat
                phases:
                  - name: review
                    agents: [{name: verdict, kind: probe, instruction: "VERDICT {{phase.iteration}}"}]
                    gate:
                      expect: [{agent: verdict, matches: "VERDICT 3"}]
                      onFail: {repeat: review, times: 3}
                """), Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases()).extracting(RunDocument.Phase::iteration).containsExactly(1, 2, 3);
        assertThat(run.phases()).extracting(p -> p.gate().passed()).containsExactly(false, false, true);
        assertThat(List.of(probe.invocationsOf("verdict"))).containsExactly(3);
    }
}
