package org.perfect21.execution;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.DefinitionProblem;
import org.perfect21.workflow.InvalidDefinitionsException;
import org.perfect21.workflow.WorkflowDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An agent with {@code forEach} runs once per item, each instance a partition's agent of its own named
 * {@code <agent>[<index>]} that sees {@code {{item}}} and {@code {{index}}}; the items come from a template rendering a
 * JSON array (a list parameter, an earlier agent's output) or lines, bounded by {@code maxItems}.
 */
class FanOutTests extends EngineTestSupport {

    private static final String OVER_FILES = """
            name: over-files
            parameters:
              files: {type: list, default: []}
            phases:
              - name: review
                agents:
                  - {name: reviewer, kind: probe, latency: 1ms, forEach: "{{params.files}}", instruction: "review {{item}} as #{{index}}"}
                  - {name: lead, kind: probe, latency: 1ms}
                gate:
                  require: [reviewer]
            """;

    @Test
    void oneItemGivesOneInstanceNamedWithItsIndex() {
        RunDocument run = runner.run(workflow(OVER_FILES), Map.of("files", List.of("a.java")));

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases().get(0).agents()).extracting(RunDocument.Agent::agent).containsExactly("reviewer[0]", "lead");
        assertThat(jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'reviewer[0]'",
                String.class, run.runId())).isEqualTo("review a.java as #0");
    }

    @Test
    void fiveHundredItemsRunAsFiveHundredInstances() {
        List<String> files = IntStream.range(0, 500).mapToObj(i -> "f" + i + ".java").toList();

        RunDocument run = runner.run(workflow(OVER_FILES), Map.of("files", files));

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        RunDocument.Phase phase = run.phases().get(0);
        assertThat(phase.agents()).hasSize(501);
        assertThat(phase.succeeded()).isEqualTo(501);
        assertThat(phase.required()).isEqualTo(501);
        assertThat(phase.agents()).allMatch(a -> a.status() == AgentStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT LIKE 'reviewer[%'"
                + " ORDER BY AGENT_INDEX", String.class, run.runId())).hasSize(500)
                .startsWith("review f0.java as #0", "review f1.java as #1").endsWith("review f499.java as #499");
        assertThat(probe.invocationsOf("reviewer")).isEqualTo(500);
        assertThat(phase.gate().checks().get(1).detail()).isEqualTo("completed");
    }

    @Test
    void noItemsGiveNoInstancesAndTheGateDecides() {
        RunDocument run = runner.run(workflow(OVER_FILES), Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases().get(0).agents()).extracting(RunDocument.Agent::agent).containsExactly("lead");
        assertThat(run.phases().get(0).gate().checks().get(1)).isEqualTo(
                new RunDocument.GateCheck("reviewer completed", true, "no items: nothing to complete"));
    }

    @Test
    void itemsMayComeFromAnEarlierAgentsJsonOutputAndReachAKindsSettings() {
        RunDocument run = runner.run(workflow("""
                name: from-output
                phases:
                  - name: list
                    agents: [{name: lister, kind: command, command: [printf, "%s", '[{"path": "a.txt"}, {"path": "b.txt"}]']}]
                  - name: each
                    agents:
                      - name: echo
                        kind: command
                        forEach: "{{context.phases.list.lister}}"
                        command: [printf, "%s", "{{index}}={{item.path}} of {{item}}"]
                """), Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND PHASE = 'each' ORDER BY AGENT_INDEX",
                String.class, run.runId())).containsExactly("0=a.txt of {\"path\":\"a.txt\"}", "1=b.txt of {\"path\":\"b.txt\"}");
    }

    @Test
    void linesAreItemsToo() {
        RunDocument run = runner.run(workflow("""
                name: lines
                phases:
                  - name: each
                    agents:
                      - {name: line, kind: probe, latency: 1ms, forEach: "alpha\\n\\n  beta  \\n", instruction: "{{item}}"}
                """), Map.of());

        assertThat(run.phases().get(0).agents()).extracting(RunDocument.Agent::agent).containsExactly("line[0]", "line[1]");
        assertThat(jdbc.queryForList("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? ORDER BY AGENT_INDEX", String.class,
                run.runId())).containsExactly("alpha", "beta");
    }

    @Test
    void aForEachThatGivesNoListOrTooManyItemsFailsItsPhaseSayingWhy() {
        RunDocument object = runner.run(workflow("""
                name: not-a-list
                phases:
                  - name: each
                    agents: [{name: one, kind: probe, forEach: '{"a": 1}'}]
                """), Map.of());
        RunDocument tooMany = runner.run(workflow("""
                name: too-many
                phases:
                  - name: each
                    agents: [{name: one, kind: probe, forEach: "[1, 2, 3]", maxItems: 2}]
                """), Map.of());
        RunDocument broken = runner.run(workflow("""
                name: broken-json
                phases:
                  - name: each
                    agents: [{name: one, kind: probe, forEach: "[1, 2"}]
                """), Map.of());

        assertThat(object.status()).isEqualTo(RunStatus.FAILED);
        assertThat(object.error()).matches("phase 'each': workflow\\d+\\.yml line 4 phases\\[0]\\.agents\\[0]\\.forEach rendered a JSON"
                + " object, not a list of items \\(a JSON array, or one item per line\\): \\{\"a\": 1}");
        assertThat(object.phases().get(0).status()).isEqualTo(PhaseStatus.FAILED);
        assertThat(object.phases().get(0).agents()).isEmpty();
        assertThat(tooMany.error()).endsWith("line 4 phases[0].agents[0].forEach gave more than maxItems 2 items");
        assertThat(broken.error()).contains("line 4 phases[0].agents[0].forEach rendered text that starts like a JSON array but is not one");
        assertThat(probe.invocationsOf("one")).isZero();
    }

    @Test
    void aGateChecksEveryInstance() {
        RunDocument run = runner.run(workflow("""
                name: every-instance
                phases:
                  - name: each
                    agents: [{name: say, kind: probe, latency: 1ms, forEach: "[\\"ok\\", \\"bad\\", \\"ok\\"]", instruction: "{{item}}"}]
                    gate:
                      expect: [{agent: say, matches: "^ok$"}]
                """), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("phase 'each': gate failed: say matches ^ok$: say[1]: not found in its output: bad");
    }

    @Test
    void everyMistakeInAForEachIsADefinitionError() {
        assertThatThrownBy(() -> workflow("""
                name: mistakes
                phases:
                  - name: each
                    agents:
                      - {name: a, kind: probe, forEach: "{{params.nothing}}"}
                      - {name: b, kind: probe, forEach: [1, 2]}
                      - {name: c, kind: probe, forEach: "x", maxItems: 0}
                      - {name: d, kind: probe, maxItems: 5}
                      - {name: e, kind: probe, instruction: "{{item}}"}
                """)).isInstanceOfSatisfying(InvalidDefinitionsException.class, e -> assertThat(e.problems())
                .extracting(p -> p.line() + " " + p.field() + ": " + p.message()).containsExactlyInAnyOrder(
                        "5 phases[0].agents[0].forEach: {{params.nothing}} (column 1): workflow 'mistakes' declares no"
                                + " parameter 'nothing' (it declares none)",
                        "6 phases[0].agents[1].forEach: must be a template rendering a JSON array or one item per line, e.g."
                                + " \"{{params.files}}\"",
                        "7 phases[0].agents[2].maxItems: '0' is not a whole number from 1 to 100000",
                        "8 phases[0].agents[3].maxItems: maxItems bounds a forEach, and this agent has none",
                        "9 phases[0].agents[4].instruction: {{item}} (column 1): 'item' is set only for an agent with forEach"
                                + " (this one has none)"));
    }
}
