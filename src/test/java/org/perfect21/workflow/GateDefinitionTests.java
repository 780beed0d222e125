package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A phase's {@code gate} as written: what it holds once read, and every mistake named at its line and field. */
class GateDefinitionTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void jobsDirectory() {
        jobs = new JobsDirectory(dir);
        jobs.simulatedAgent("verdict");
        jobs.simulatedAgent("scorer");
    }

    @Test
    void aGateIsReadWithItsChecksAndItsMinSuccess() {
        jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: review
                    agents: [verdict, scorer]
                    gate:
                      minSuccess: 1
                      require: [verdict]
                      expect:
                        - {agent: verdict, matches: "PASS|OK"}
                        - {agent: scorer, json: "$.score", atLeast: 0.8, atMost: 1}
                        - {agent: scorer, json: "$.label", equals: good}
                      onFail: continue
                """);

        PhaseDefinition phase = jobs.loadWorkflow("wf").phases().get(0);

        assertThat(phase.minSuccess()).isEqualTo(new MinSuccess(1, null));
        assertThat(phase.gate().require()).containsExactly("verdict");
        assertThat(phase.gate().expect()).extracting(GateCheck::describe).containsExactly(
                "verdict matches PASS|OK", "scorer $.score ≥ 0.8 ≤ 1", "scorer $.label = good");
        assertThat(phase.gate().onFail()).isEqualTo(GateDefinition.OnFail.CONTINUE);
    }

    @Test
    void everyMistakeIsNamedAtItsLineAndField() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: review
                    agents: [verdict, scorer]
                    minSuccess: 2
                    gate:
                      minSuccess: 1
                      require: [nobody]
                      expect:
                        - {agent: ghost, matches: PASS}
                        - {agent: verdict, matches: "(unclosed"}
                        - {agent: scorer, json: "$..[", atLeast: 1}
                        - {agent: scorer, json: "$.score", atLeast: high}
                        - {agent: verdict, matches: PASS, json: "$.x"}
                        - {agent: verdict, matches: PASS, atLeast: 1}
                      onFail: retry
                """);

        List<DefinitionProblem> problems = jobs.loadFails().problems();

        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
        assertThat(problems).extracting(p -> p.line() + " " + p.field() + ": " + p.message()).containsExactlyInAnyOrder(
                "8 phases[0].gate.require: 'nobody' is not an agent of this phase (its agents: verdict, scorer)",
                "10 phases[0].gate.expect[0].agent: 'ghost' is not an agent of this phase (its agents: verdict, scorer)",
                "11 phases[0].gate.expect[1].matches: '(unclosed' is not a regular expression: Unclosed group near index 9",
                problems.stream().filter(p -> "phases[0].gate.expect[2].json".equals(p.field())).findFirst()
                        .map(p -> p.line() + " " + p.field() + ": " + p.message()).orElse("12 phases[0].gate.expect[2].json: missing"),
                "13 phases[0].gate.expect[3].atLeast: 'high' is not a number",
                "14 phases[0].gate.expect[4]: a check is either {agent, matches: <regex>} or {agent, json: <path>, ...}",
                "15 phases[0].gate.expect[5].atLeast: applies to a json check, not to matches",
                "16 phases[0].gate.onFail: 'retry' is neither stop (the run fails, the default) nor continue (the run goes on,"
                        + " the failed gate recorded)",
                "7 phases[0].gate.minSuccess: minSuccess is given twice: keep the gate's or the phase's (line 5)");
        assertThat(problems).filteredOn(p -> "phases[0].gate.expect[2].json".equals(p.field())).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("'$..[' is not a JSON path (e.g. $.score)"));
    }

    @Test
    void repeatIsRefusedUntilTheEngineRunsIt() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: review
                    agents: [verdict]
                    gate:
                      expect: [{agent: verdict, matches: PASS}]
                      onFail: {repeat: review, times: 2}
                """);

        DefinitionProblem problem = jobs.onlyProblem();

        JobsDirectory.assertProblem(problem, wf, 7, "phases[0].gate.onFail", "repeat is not available yet");
    }
}
