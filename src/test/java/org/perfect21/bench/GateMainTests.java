package org.perfect21.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The performance gate's cost checks against baselines written for the test: one far below what a run costs fails the
 * gate on every cost it undercuts, one far above passes, and an update writes what it measured with its reason. (The
 * committed baseline is not used: the tests' JVM runs the client compiler only, whose allocation figures differ.)
 */
class GateMainTests {

    /** Too few warm-ups for the executor to reach its core size: the threads figure is not checked here. */
    private static final GateMain.Plan COSTS_ONLY = new GateMain.Plan(1, 3, 3, 3, false);

    @TempDir
    Path scratch;

    @Test
    void aBaselineBelowTheMeasuredCostsFailsTheGateOnEachCost() throws Exception {
        Path baseline = baseline(new RunCosts.Costs(5, 1_000, 0));

        GateMain.Verdict verdict = new GateMain(false, COSTS_ONLY).execute(baseline, scratch, null);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.table())
                .containsPattern("\\| feature-development: SQL statements per run \\| 5 \\| \\d+ \\| ≤ 5 \\| \\*\\*FAIL\\*\\* \\|")
                .containsPattern("\\| bench-5x-noop: bytes allocated per run \\| 1,000 \\| [\\d,]+ \\| ≤ 1,050 \\| \\*\\*FAIL\\*\\* \\|")
                .contains("Gate FAILED");
    }

    @Test
    void aBaselineAboveTheMeasuredCostsPasses() throws Exception {
        Path baseline = baseline(new RunCosts.Costs(10_000, 1e12, 100));

        GateMain.Verdict verdict = new GateMain(false, COSTS_ONLY).execute(baseline, scratch, null);

        assertThat(verdict.failed()).as(verdict.table()).isFalse();
        assertThat(verdict.table()).doesNotContain("FAIL").contains("Gate passed");
    }

    @Test
    void anUpdateWritesTheMeasuredCostsWithItsReason() throws Exception {
        Path baseline = scratch.resolve("baseline.json");

        GateMain.Verdict verdict = new GateMain(false, COSTS_ONLY).execute(baseline, scratch, "a reason for the record");

        GateBaseline written = GateBaseline.read(baseline);
        assertThat(written.reason()).isEqualTo("a reason for the record");
        assertThat(written.tolerance()).isEqualTo(GateBaseline.TOLERANCE);
        assertThat(written.workflows()).containsOnlyKeys(GateMain.REFERENCE, GateMain.NO_OP.name());
        assertThat(written.workflows().get(GateMain.NO_OP.name()).sqlStatements()).isGreaterThan(10);
        assertThat(verdict.failed()).as(verdict.table()).isFalse();
    }

    private Path baseline(RunCosts.Costs costs) throws Exception {
        Path file = Files.createDirectories(scratch.resolve("baseline")).resolve("baseline.json");
        GateBaseline.of("test", "2026-12-04", Map.of(GateMain.REFERENCE, costs, GateMain.NO_OP.name(), costs)).write(file);
        return file;
    }
}
