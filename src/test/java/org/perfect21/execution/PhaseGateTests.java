package org.perfect21.execution;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phase's {@code gate}: required agents and checks over completed agents' outputs (a regex found, a JSON value
 * within bounds), decided once the phase's agents are done, recorded with the phase in the run document, and either
 * stopping the run (the default) or letting it go on ({@code onFail: continue}).
 */
class PhaseGateTests extends EngineTestSupport {

    private static final String REVIEW = """
            name: reviewed
            phases:
              - name: review
                agents:
                  - {name: verdict, kind: command, command: [printf, "%%s", "%s"]}
                  - {name: scorer, kind: command, command: [printf, "%%s", '%s']}
                gate:
                  require: [verdict]
                  expect:
                    - {agent: verdict, matches: "VERDICT: PASS"}
                    - {agent: scorer, json: "$.score", atLeast: 0.8}
                  %s
              - name: ship
                agents: [{name: shipper, kind: probe}]
            """;

    @Test
    void aGateWhoseChecksHoldLetsTheRunGoOnAndIsRecorded() {
        RunDocument run = runner.run(workflow(REVIEW.formatted("Looks good. VERDICT: PASS", "{\"score\": 0.92}", "")), Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        RunDocument.Gate gate = run.phases().get(0).gate();
        assertThat(gate.passed()).isTrue();
        assertThat(gate.checks()).extracting(RunDocument.GateCheck::check).containsExactly(
                "minSuccess 100%", "verdict completed", "verdict matches VERDICT: PASS", "scorer $.score ≥ 0.8");
        assertThat(gate.checks()).allMatch(RunDocument.GateCheck::passed);
        assertThat(gate.checks().get(2).detail()).isEqualTo("found 'VERDICT: PASS'");
        assertThat(gate.checks().get(3).detail()).isEqualTo("value 0.92");
        assertThat(run.phases().get(1).gate()).as("a phase without a gate has no verdict").isNull();
    }

    @Test
    void aFailedGateStopsTheRunNamingTheCheckAndWhatItFound() {
        RunDocument run = runner.run(workflow(REVIEW.formatted("VERDICT: FAIL, the tests are missing", "{\"score\": 0.5}", "")),
                Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("phase 'review': gate failed: verdict matches VERDICT: PASS: not found in its output:"
                + " VERDICT: FAIL, the tests are missing");
        assertThat(run.phases()).hasSize(1);
        assertThat(run.phases().get(0).status()).isEqualTo(PhaseStatus.FAILED);
        RunDocument.Gate gate = run.phases().get(0).gate();
        assertThat(gate.passed()).isFalse();
        assertThat(gate.checks()).extracting(RunDocument.GateCheck::passed).containsExactly(true, true, false, false);
        assertThat(gate.checks().get(3).detail()).isEqualTo("value 0.5");
    }

    @Test
    void onFailContinueRecordsTheFailedGateAndGoesOn() {
        RunDocument run = runner.run(workflow(REVIEW.formatted("VERDICT: FAIL", "not json at all", "onFail: continue")), Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases()).extracting(RunDocument.Phase::status).containsExactly(PhaseStatus.COMPLETED, PhaseStatus.COMPLETED);
        RunDocument.Gate gate = run.phases().get(0).gate();
        assertThat(gate.passed()).isFalse();
        assertThat(gate.checks().get(3).detail()).isEqualTo("its output is not JSON: not json at all");
    }

    @Test
    void aRequiredAgentThatFailedFailsTheGateThoughMinSuccessHolds() {
        RunDocument run = runner.run(workflow("""
                name: required
                phases:
                  - name: review
                    agents:
                      - {name: verdict, kind: command, command: ["false"]}
                      - {name: helper, kind: probe}
                    gate:
                      minSuccess: 1
                      require: [verdict]
                """), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("phase 'review': gate failed: verdict completed: it did not complete");
        assertThat(run.phases().get(0).gate().checks().get(0)).isEqualTo(
                new RunDocument.GateCheck("minSuccess 1", true, "1 of 2 agents succeeded, minSuccess 1 requires 1"));
    }
}
