package org.perfect21.execution;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.WorkflowDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/** Outputs of finished phases flow into later phases' instructions through the run's context, under its budget. */
class ContextFlowTests extends EngineTestSupport {

    @Test
    void outputsOfAPhaseAppearInTheNextPhasesInstruction() {
        // A probe agent's output is its rendered instruction.
        WorkflowDefinition workflow = workflow("""
                name: handoff
                phases:
                  - name: design
                    agents:
                      - {name: architect, kind: probe, instruction: "plan for {{params.topic}}"}
                      - {name: critic, kind: probe, instruction: "risks"}
                  - name: build
                    agents:
                      - name: builder
                        kind: probe
                        instruction: "follow: {{context.phases.design.architect}} |{{#context.entries}} [{{phase}}/{{agent}}]{{/context.entries}}"
                parameters:
                  topic: {type: string, default: caching}
                """);

        RunDocument run = runner.run(workflow, Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(output(run.runId(), "builder")).isEqualTo("follow: plan for caching | [design/architect] [design/critic]");
        RunDocument.Context context = run.context();
        assertThat(context.budgetBytes()).as("the default budget").isEqualTo(150 * 1024);
        assertThat(context.entries()).as("both phases' outputs").isEqualTo(3);
        assertThat(context.bytes()).isEqualTo(("plan for caching" + "risks"
                + "follow: plan for caching | [design/architect] [design/critic]").length());
        assertThat(context.evictions()).isZero();
        assertThat(jdbc.queryForList("SELECT AGENT FROM P21_CONTEXT_ENTRY WHERE RUN_ID = ? ORDER BY SEQ", String.class, run.runId()))
                .containsExactly("architect", "critic", "builder");
    }

    @Test
    void pastTheBudgetTheOldestEntriesAreEvictedCountedAndTheRunStillCompletes() {
        String fourHundred = "o".repeat(400);
        WorkflowDefinition workflow = workflow("""
                name: tight
                context: {maxBytes: 1KB}
                phases:
                  - name: first
                    agents:
                      - {name: a1, kind: probe, instruction: "%1$s"}
                      - {name: a2, kind: probe, instruction: "%1$s"}
                      - {name: a3, kind: probe, instruction: "%1$s"}
                  - name: second
                    agents:
                      - {name: reader, kind: probe, instruction: "{{#context.entries}}[{{agent}}]{{/context.entries}} {{context.text}}"}
                """.formatted(fourHundred));

        RunDocument run = runner.run(workflow, Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(output(run.runId(), "reader")).as("a1 was evicted when a3 arrived").startsWith("[a2][a3] ### first/a2");
        RunDocument.Context context = run.context();
        assertThat(context.budgetBytes()).isEqualTo(1024);
        // reader's output (~830 B) is longer than half the budget: its head is kept, and a2 makes room for it.
        assertThat(context.cuts()).isEqualTo(1);
        assertThat(context.evictions()).isEqualTo(2);
        assertThat(context.bytes()).isLessThanOrEqualTo(1024);
        assertThat(jdbc.queryForList("SELECT AGENT FROM P21_CONTEXT_ENTRY WHERE RUN_ID = ? ORDER BY SEQ", String.class, run.runId()))
                .containsExactly("a3", "reader");
        assertThat(jdbc.queryForObject("SELECT SUM(BYTES) FROM P21_CONTEXT_ENTRY WHERE RUN_ID = ?", Long.class, run.runId()))
                .isEqualTo(context.bytes());
        assertThat(jdbc.queryForList("SELECT AGENT FROM P21_CONTEXT_ENTRY WHERE RUN_ID = ? AND CONTENT IS NOT NULL", String.class,
                run.runId())).as("only a cut entry's text is stored apart from its agent's output").containsExactly("reader");
    }

    @Test
    void aRestartedRunSeesTheContextItsEarlierExecutionBuilt() {
        probe.failing.add("reviewer");
        WorkflowDefinition workflow = workflow("""
                name: resumable
                phases:
                  - name: first
                    agents:
                      - {name: f1, kind: probe, instruction: "one"}
                      - {name: f2, kind: probe, instruction: "two"}
                  - name: second
                    agents:
                      - {name: reviewer, kind: probe, instruction: "{{#context.entries}}{{content}};{{/context.entries}}"}
                """);
        RunDocument failed = runner.run(workflow, Map.of());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.context().entries()).isEqualTo(2);
        probe.failing.clear();

        RunDocument restarted = runner.restart(failed.runId());

        assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(probe.invocationsOf("f1")).as("the first phase is not run again").isEqualTo(1);
        assertThat(output(restarted.runId(), "reviewer")).isEqualTo("one;two;");
        assertThat(restarted.context().entries()).as("first's outputs are not added twice").isEqualTo(3);
    }

    @Test
    void aRestartInsideAPhaseStillAddsTheOutputsOfAgentsThatCompletedBefore() {
        probe.failing.add("w2");
        WorkflowDefinition workflow = workflow("""
                name: half-done
                phases:
                  - name: work
                    agents:
                      - {name: w1, kind: probe, instruction: "done before"}
                      - {name: w2, kind: probe, instruction: "done after"}
                  - name: sum
                    agents:
                      - {name: summary, kind: probe, instruction: "{{context.text}}"}
                """);
        RunDocument failed = runner.run(workflow, Map.of());
        assertThat(failed.context().entries()).as("a failed phase adds nothing").isZero();
        probe.failing.clear();

        RunDocument restarted = runner.restart(failed.runId());

        assertThat(probe.invocationsOf("w1")).isEqualTo(1);
        assertThat(output(restarted.runId(), "summary")).isEqualTo("### work/w1\ndone before\n\n### work/w2\ndone after");
    }

    private String output(String runId, String agent) {
        return jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = ?", String.class, runId, agent);
    }

}
