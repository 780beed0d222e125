package org.perfect21.execution;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A phase split over several partitions (grid size 3): one worker step execution each, one gate over all. */
// Both settings for both classes, so they share one context: the grid's tests stay under 6 agents in flight, and the
// global limit holds across partitions as it does in one.
@TestPropertySource(properties = {
        "perfect21.execution.max-concurrent-agents=6",
        "perfect21.execution.grid-size=3"})
class PartitionedPhaseTests extends EngineTestSupport {

    @Test
    void aPhaseRunsAsOneWorkerStepExecutionPerPartitionUnderOneGate() {
        probe.failing.add("p7");
        String yaml = "name: gridded\nphases:\n  - name: wide\n    parallelism: 4\n    minSuccess: 6\n    agents:\n"
                + String.join("", java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> "      - {name: p" + i + ", kind: probe}\n").toList());

        RunDocument run = runner.run(workflow(yaml), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases().get(0).succeeded()).isEqualTo(6);
        assertThat(run.phases().get(0).failed()).isEqualTo(1);
        assertThat(run.phases().get(0).agents()).extracting(RunDocument.Agent::agent)
                .containsExactly("p1", "p2", "p3", "p4", "p5", "p6", "p7");
        assertThat(probe.maxInFlight.get()).as("the phase's parallelism is shared by its partitions").isLessThanOrEqualTo(4);
        List<String> steps = jdbc.queryForList("SELECT s.STEP_NAME FROM BATCH_STEP_EXECUTION s"
                + " JOIN P21_RUN r ON r.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE r.RUN_ID = ? ORDER BY s.STEP_NAME",
                String.class, run.runId());
        assertThat(steps).containsExactly("phase:wide", "phase:wide:worker:partition0",
                "phase:wide:worker:partition1", "phase:wide:worker:partition2");
    }

    @Test
    void theGateCountsSuccessesAcrossAllPartitions() {
        probe.failing.addAll(List.of("p1", "p2"));
        String yaml = "name: gated\nphases:\n  - name: wide\n    minSuccess: 5\n    agents:\n"
                + String.join("", java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(i -> "      - {name: p" + i + ", kind: probe}\n").toList());

        RunDocument run = runner.run(workflow(yaml), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("4 of 6 agents succeeded", "requires 5");
    }
}
