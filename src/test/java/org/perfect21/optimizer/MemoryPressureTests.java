package org.perfect21.optimizer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Memory pressure driven by a simulated threshold notification on the way up and a real garbage
 * collection's notification on the way down (marks at 99 % and 98 %, so any real heap is below low).
 */
@OptimizerTest
class MemoryPressureTests {

    @Autowired
    HeapWatch heap;
    @Autowired
    MemoryPressure pressure;
    @Autowired
    RunLauncher launcher;
    @Autowired
    RecordingCache cache;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DecisionLog decisions;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noRunInFlight() {
        // The context is shared: a run another test let start must not be executing while this one counts them.
        await().atMost(Duration.ofSeconds(30)).until(() -> launcher.executing() == 0 && launcher.queued() == 0);
    }

    @AfterEach
    void relieved() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return !pressure.underPressure();
        });

        jdbc.update("DELETE FROM P21_OPTIMIZER_DECISION");
    }

    @Test
    void theHighMarkTrimsCachesAndHoldsLaunchesAndACollectionBelowTheLowMarkResumesThem() {
        String pool = heap.poolNames().get(0);
        long max = poolMax(pool);
        int trimsBefore = cache.trims.get();

        heap.handleNotification(Notifications.thresholdExceeded(pool, max / 1000 * 995, max), null);

        assertThat(pressure.underPressure()).isTrue();
        assertThat(launcher.heldBecause()).isEqualTo("memory pressure: heap at 99.5 %");
        assertThat(cache.trims.get()).isEqualTo(trimsBefore + 1);
        assertThat(meters.get("perfect21.memory.pressure").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("perfect21.memory.pressure.transitions").tag("to", "entered").functionCounter().count())
                .isEqualTo(1.0);
        Launch held = launcher.launch("quick", Map.of(), null, "api");
        assertThat(held.status()).as("launches are accepted and queued, not started").isEqualTo(RunStatus.QUEUED);
        Decision entered = awaitDecision("entered");
        assertThat(entered.subject()).isEqualTo("heap");
        assertThat(entered.inputs()).containsEntry("pool", pool).containsEntry("source", "threshold")
                .containsEntry("high", 0.99).extractingByKey("trimmed", InstanceOfAssertFactories.MAP)
                // Every Trimmable bean is trimmed; the application's own result cache is empty here.
                .containsEntry("recording", 3).containsEntry("agent-results", 0);
        assertThat(launcher.executing()).isZero();

        // The way down: usage after a real collection is far below 98 %.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return !pressure.underPressure();
        });

        assertThat(launcher.heldBecause()).isNull();
        assertThat(awaitDecision("left").inputs()).containsEntry("source", "after-gc").containsEntry("low", 0.98);
        assertThat(meters.get("perfect21.memory.pressure").gauge().value()).isZero();
        assertThat(meters.get("perfect21.memory.pressure.transitions").tag("to", "left").functionCounter().count())
                .isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(jdbc.queryForObject(
                "SELECT STATUS FROM P21_RUN WHERE RUN_ID = ?", String.class, held.runId())));
    }

    @Test
    void usageBelowTheHighMarkOrOfAnotherPoolChangesNothing() {
        String pool = heap.poolNames().get(0);
        long max = poolMax(pool);

        heap.handleNotification(Notifications.thresholdExceeded(pool, max / 100 * 98, max), null);
        heap.handleNotification(Notifications.thresholdExceeded("Metaspace", max, max), null);

        assertThat(pressure.underPressure()).isFalse();
        assertThat(launcher.heldBecause()).isNull();
    }

    @Test
    void aHoldForAnotherReasonIsNotLiftedByTheEndOfPressure() {
        String pool = heap.poolNames().get(0);
        long max = poolMax(pool);
        heap.handleNotification(Notifications.thresholdExceeded(pool, max, max), null);
        launcher.holdStarts("maintenance");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                System.gc();
                return !pressure.underPressure();
            });

            assertThat(launcher.heldBecause()).isEqualTo("maintenance");
        } finally {
            launcher.resumeStarts();
        }
    }

    @Test
    void theOldGenerationIsWatchedWithAThresholdAtTheHighMark() {
        MemoryPoolMXBean pool = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals(heap.poolNames().get(0))).findFirst().orElseThrow();

        assertThat(heap.poolNames()).isNotEmpty();
        assertThat(pool.getUsageThreshold()).isEqualTo((long) (pool.getUsage().getMax() * 0.99));
        assertThat(heap.highestRatio()).isBetween(0.0, 0.98);
    }

    private Decision awaitDecision(String outcome) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> decisions.recent(DecisionKind.MEMORY_PRESSURE, 10)
                .stream().filter(d -> d.outcome().equals(outcome)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static long poolMax(String name) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        return pools.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getUsage().getMax();
    }

}
