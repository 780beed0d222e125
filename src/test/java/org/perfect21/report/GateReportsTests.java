package org.perfect21.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate columns and rows of the reports over what the engine records for a real run: a gate that sends the work
 * back once (failed in iteration 1, passed in iteration 2) and one that lets its failure through, around phases
 * without a gate. {@link ReportCases} checks the SQL on hand-made rows; this checks that the engine writes the rows
 * those cases assume (a judged phase row has an end, every iteration keeps its row).
 */
class GateReportsTests extends EngineTestSupport {

    private static final String WORKFLOW = "report-gates";

    @Autowired
    ReportRunner reports;

    @Test
    void theReportsCountEveryVerdictAndIterationOfARunWhoseGatesFailedWithoutFailingIt() {
        RunDocument run = runner.run(workflow("""
                name: %s
                phases:
                  - name: implement
                    agents: [{name: coder, kind: probe}]
                  - name: review
                    agents: [{name: verdict, kind: probe, instruction: "VERDICT {{phase.iteration}}"}]
                    gate:
                      expect: [{agent: verdict, matches: "VERDICT 2"}]
                      onFail: {repeat: implement, times: 2}
                  - name: lint
                    agents: [{name: linter, kind: probe, instruction: "LINT FAIL"}]
                    gate:
                      expect: [{agent: linter, matches: "LINT OK"}]
                      onFail: continue
                  - name: ship
                    agents: [{name: shipper, kind: probe}]
                """.formatted(WORKFLOW)), Map.of());
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);

        assertThat(rows("workflow-summary", "workflow", "runs", "completed", "failed", "gate_failures", "phase_repeats"))
                .containsExactly(List.of(WORKFLOW, "1", "1", "0", "2", "2"));
        // Listed by when their phase ended, newest first: the engine ends a phase row once its gate is judged.
        assertThat(rows("failures", "kind", "run_id", "phase", "agent", "error", "iteration")).containsExactly(
                List.of("gate", run.runId(), "lint", "", "linter matches LINT OK: not found in its output: LINT FAIL", "1"),
                List.of("gate", run.runId(), "review", "", "verdict matches VERDICT 2: not found in its output: VERDICT 1", "1"));
        assertThat(rows("gates", "phase", "verdicts", "passed", "failed", "pass_rate", "runs", "runs_passed", "repeats",
                "max_iteration", "iterations_per_run")).containsExactly(
                List.of("review", "2", "1", "1", "0.5", "1", "1", "1", "2", "2"),
                List.of("lint", "1", "0", "1", "0", "1", "0", "0", "1", "1"));
    }

    /** Some columns of a report's rows over this test's workflow in the last hour, as text (empty for null). */
    private List<List<String>> rows(String report, String... columns) {
        ReportResult result = reports.run(report, Map.of("workflow", WORKFLOW, "from", "now-1h"));
        return result.rows().stream().map(row -> List.of(columns).stream()
                .map(column -> {
                    String text = ReportSqlSupport.text(row.get(column));
                    return text == null ? "" : text;
                }).toList()).toList();
    }
}
