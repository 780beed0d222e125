package org.perfect21.execution;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The executor's meter: agent work and run-holding tasks apart, running tasks counted up to the snapshot. */
class ExecutorUtilizationTests {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final ExecutorUtilization meter = new ExecutorUtilization(clock::get);

    @Test
    void finishedAndRunningAgentTasksCountUpToTheSnapshot() {
        Runnable first = meter.decorate(() -> clock.addAndGet(300));
        first.run();
        CountDownLatch inside = new CountDownLatch(1);
        Runnable second = meter.decorate(() -> {
            clock.addAndGet(50);
            // Snapshot taken while this task runs: 50 ns of it so far.
            assertThat(meter.snapshot().agentBusyNanos()).isEqualTo(350);
            inside.countDown();
            clock.addAndGet(25);
        });
        second.run();

        ExecutorUtilization.Snapshot after = meter.snapshot();
        assertThat(inside.getCount()).isZero();
        assertThat(after.agentBusyNanos()).isEqualTo(375);
        assertThat(after.agentTasks()).isEqualTo(2);
        assertThat(after.runHeldNanos()).isZero();
        assertThat(after.atNanos()).isEqualTo(375);
    }

    @Test
    void runHoldingTasksAreMeasuredApart() {
        meter.decorate(new RunSlotTask(() -> clock.addAndGet(1_000))).run();
        meter.decorate(() -> clock.addAndGet(10)).run();

        ExecutorUtilization.Snapshot snapshot = meter.snapshot();
        assertThat(snapshot.runHeldNanos()).isEqualTo(1_000);
        assertThat(snapshot.agentBusyNanos()).isEqualTo(10);
        assertThat(snapshot.agentTasks()).isEqualTo(1);
    }

    @Test
    void aFailingTaskStillEndsItsMeasure() {
        Runnable failing = meter.decorate(() -> {
            clock.addAndGet(40);
            throw new IllegalStateException("boom");
        });
        try {
            failing.run();
        } catch (IllegalStateException expected) {
            // measured all the same
        }
        clock.addAndGet(1_000);

        assertThat(meter.snapshot().agentBusyNanos()).isEqualTo(40);
    }

    @Test
    void thePoolResizesBothWaysWhileItRuns() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(6);
        executor.setMaxPoolSize(6);
        executor.setTaskDecorator(meter);
        executor.initialize();
        try {
            AgentPool pool = new AgentPool(executor, meter, 4, 2);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 6; i++) {
                executor.execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            pool.resize(10);
            assertThat(executor.getCorePoolSize()).isEqualTo(12);
            assertThat(executor.getMaxPoolSize()).isEqualTo(12);
            pool.resize(1);
            assertThat(executor.getCorePoolSize()).isEqualTo(3);
            assertThat(executor.getMaxPoolSize()).isEqualTo(3);
            assertThat(pool.agentThreads()).isEqualTo(1);
            assertThat(pool.threads()).isEqualTo(3);

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> executor.getPoolSize() <= 3);
        } finally {
            executor.shutdown();
        }
    }
}
