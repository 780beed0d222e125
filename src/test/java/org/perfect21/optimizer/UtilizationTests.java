package org.perfect21.optimizer;

import org.junit.jupiter.api.Test;
import org.perfect21.execution.ExecutorUtilization.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Utilization over a window: agent busy time over the thread time not held by runs. */
class UtilizationTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void agentBusyTimeOverThePoolsThreadTime() {
        Snapshot earlier = new Snapshot(10 * SECOND, 5 * SECOND, 0, 100);
        Snapshot later = new Snapshot(20 * SECOND, 45 * SECOND, 0, 160);

        Utilization window = Utilization.between(earlier, later, 8);

        assertThat(window.elapsedNanos()).isEqualTo(10 * SECOND);
        assertThat(window.agentBusyNanos()).isEqualTo(40 * SECOND);
        assertThat(window.agentTasks()).isEqualTo(60);
        assertThat(window.utilization()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void threadTimeHeldByRunsIsNotAvailableToAgents() {
        // 20 threads for 10 s = 200 s; runs held 120 s of it; agents were busy 64 s of the remaining 80 s.
        Snapshot earlier = new Snapshot(0, 0, 0, 0);
        Snapshot later = new Snapshot(10 * SECOND, 64 * SECOND, 120 * SECOND, 10);

        assertThat(Utilization.between(earlier, later, 20).utilization()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void anEmptyWindowIsIdle() {
        Snapshot same = new Snapshot(5 * SECOND, SECOND, SECOND, 3);

        assertThat(Utilization.between(same, same, 4).utilization()).isZero();
    }
}
