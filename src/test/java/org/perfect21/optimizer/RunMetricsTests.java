package org.perfect21.optimizer;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The run and agent timers follow the run events: every run and agent that ends is timed, tagged by its outcome. */
@OptimizerTest
class RunMetricsTests {

    @Autowired
    RunLauncher launcher;
    @Autowired
    WorkflowRunner runner;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCompletedRunAndItsAgentsAreTimedAndAFailedRunSeparately() {
        long runsBefore = count("perfect21.run.duration", "workflow", "quick", "status", "COMPLETED");
        long agentsBefore = count("perfect21.agent.duration", "kind", "simulated", "status", "COMPLETED", "cache", "none");
        long failedBefore = count("perfect21.run.duration", "workflow", "failing", "status", "FAILED");

        Launch quick = launcher.launch("quick", Map.of(), null, "api");
        Launch failing = launcher.launch("failing", Map.of(), null, "api");
        await().atMost(Duration.ofSeconds(30)).until(() -> runner.document(quick.runId()).status().isTerminal()
                && runner.document(failing.runId()).status().isTerminal());

        assertThat(runner.document(quick.runId()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(count("perfect21.run.duration", "workflow", "quick", "status", "COMPLETED")).isEqualTo(runsBefore + 1);
        // quick has two agents.
        assertThat(count("perfect21.agent.duration", "kind", "simulated", "status", "COMPLETED", "cache", "none")).isEqualTo(agentsBefore + 2);
        assertThat(count("perfect21.run.duration", "workflow", "failing", "status", "FAILED")).isEqualTo(failedBefore + 1);
        assertThat(meters.get("perfect21.agent.duration").tag("status", "FAILED").tag("cache", "none").timer().count())
                .isPositive();
    }

    private long count(String name, String... tags) {
        Timer timer = meters.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }
}
