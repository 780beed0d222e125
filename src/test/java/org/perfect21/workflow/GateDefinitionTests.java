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
                "16 phases[0].gate.onFail: 'retry' is not stop (the run fails, the default), continue (the run goes on,"
                        + " the failed gate recorded) or {repeat: <phase>, times: <n>}",
                "7 phases[0].gate.minSuccess: minSuccess is given twice: keep the gate's or the phase's (line 5)");
        assertThat(problems).filteredOn(p -> "phases[0].gate.expect[2].json".equals(p.field())).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("'$..[' is not a JSON path (e.g. $.score)"));
    }

    @Test
    void aRepeatNamesThisPhaseOrAnEarlierOneAndHowManyTimes() {
        jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: implement
                    agents: [scorer]
                  - name: review
                    agents: [verdict]
                    gate:
                      expect: [{agent: verdict, matches: PASS}]
                      onFail: {repeat: implement, times: 2}
                  - name: again
                    agents: [verdict]
                    gate:
                      require: [verdict]
                      onFail: {repeat: again}
                """);

        List<PhaseDefinition> phases = jobs.loadWorkflow("wf").phases();

        assertThat(phases.get(1).gate().onFail()).isEqualTo(GateDefinition.OnFail.REPEAT);
        assertThat(phases.get(1).gate().repeat()).isEqualTo(new GateDefinition.Repeat("implement", 0, 2));
        assertThat(phases.get(2).gate().repeat()).isEqualTo(new GateDefinition.Repeat("again", 2, 1));
        assertThat(phases.get(0).gate().repeat()).isNull();
    }

    @Test
    void aGateWithOnlyMinSuccessAndContinueIsAGate() {
        jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: review
                    agents: [verdict, scorer]
                    gate: {minSuccess: 2, onFail: continue}
                """);

        assertThat(jobs.loadWorkflow("wf").phases().get(0).gate().isNone()).isFalse();
    }

    @Test
    void everyMistakeInARepeatIsNamedAtItsLine() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: implement
                    agents: [scorer]
                    gate:
                      require: [scorer]
                      onFail: {repeat: review}
                  - name: review
                    agents: [verdict]
                    gate:
                      require: [verdict]
                      onFail: {repeat: nowhere, times: 0}
                  - name: last
                    agents: [verdict]
                    gate:
                      require: [verdict]
                      onFail: {times: 2, again: true}
                  - name: fourth
                    agents: [verdict]
                    gate:
                      require: [verdict]
                      onFail: {repeat: implement, times: many}
                """);

        List<DefinitionProblem> problems = jobs.loadFails().problems();

        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
        assertThat(problems).extracting(p -> p.line() + " " + p.field() + ": " + p.message()).containsExactlyInAnyOrder(
                "7 phases[0].gate.onFail.repeat: 'review' comes after this phase: a gate can send the work back only to"
                        + " this phase or an earlier one (implement)",
                "12 phases[1].gate.onFail.repeat: no phase 'nowhere' in this workflow (its phases: implement, review, last, fourth)",
                "12 phases[1].gate.onFail.times: '0' is not a whole number from 1 to 100 (how many more times the phases run)",
                "17 phases[2].gate.onFail.again: unknown key (known: repeat, times)",
                "17 phases[2].gate.onFail.repeat: name the phase to run again: {repeat: <phase>, times: <n>} (this phase or"
                        + " an earlier one)",
                "22 phases[3].gate.onFail.times: 'many' is not a whole number from 1 to 100 (how many more times the phases run)");
    }

    @Test
    void gateFeedbackIsReadableOnlyInPhasesARepeatRunsAgain() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: plan
                    instruction: "{{gate.feedback}}"
                    agents: [scorer]
                  - name: implement
                    instruction: "Fix: {{gate.feedback}} (iteration {{phase.iteration}})"
                    agents: [scorer]
                  - name: review
                    agents: [verdict]
                    gate:
                      require: [verdict]
                      onFail: {repeat: implement}
                """);

        DefinitionProblem problem = jobs.onlyProblem();

        JobsDirectory.assertProblem(problem, wf, 4, "phases[0].instruction", "{{gate.feedback}} (column 1): 'gate' holds a"
                + " failed gate's feedback only in the phases a gate's onFail: {repeat: ...} runs again, and no gate repeats"
                + " phase 'plan'");
    }
}
