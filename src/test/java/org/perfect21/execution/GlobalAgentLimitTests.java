package org.perfect21.execution;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code perfect21.execution.max-concurrent-agents} bounds agent attempts in flight across the platform. */
// Both settings for both classes, so they share one context: the grid's tests stay under 6 agents in flight, and the
// global limit holds across partitions as it does in one.
@TestPropertySource(properties = {
        "perfect21.execution.max-concurrent-agents=6",
        "perfect21.execution.grid-size=3"})
class GlobalAgentLimitTests extends EngineTestSupport {

    @Test
    void theGlobalLimitBoundsAgentsInFlightAcrossThePhase() {
        StringBuilder yaml = new StringBuilder("name: global\nphases:\n  - name: work\n    agents:\n");
        for (int i = 1; i <= 12; i++) {
            yaml.append("      - {name: p").append(i).append(", kind: probe}\n");
        }

        RunDocument run = runner.run(workflow(yaml.toString()), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(probe.maxInFlight.get()).as("perfect21.execution.max-concurrent-agents=6").isEqualTo(6);
    }
}
