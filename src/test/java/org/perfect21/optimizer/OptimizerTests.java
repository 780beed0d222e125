package org.perfect21.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfect21.execution.AgentPool;
import org.perfect21.execution.ExecutorUtilization;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The optimizer in the application: pool sizing from measured utilization, SLOs from the database, its Quartz job. */
@OptimizerTest
class OptimizerTests {

    @Autowired
    Optimizer optimizer;
    @Autowired
    AgentPool pool;
    @Autowired
    ThreadPoolTaskExecutor agentExecutor;
    @Autowired
    RunLauncher launcher;
    @Autowired
    DecisionLog decisions;
    @Autowired
    RecordingCache cache;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    /** Taken just before the optimizer's current window began: utilization since then is at most the window's. */
    private ExecutorUtilization.Snapshot windowStart;

    @BeforeEach
    void tenAgentThreadsAndAFreshWindow() {
        await().atMost(Duration.ofSeconds(30)).until(() -> launcher.executing() == 0 && launcher.queued() == 0);
        // The tick starts a fresh window (and decides on the last one); the pool is then set back.
        windowStart = pool.utilization();
        optimizer.tick();
        pool.resize(10);
    }

    @Test
    void anIdleWindowShrinksThePoolAndEveryDecisionIsRecorded() {
        int trims = cache.trims.get();

        List<Decision> made = optimizer.tick();

        assertThat(made).extracting(d -> d.kind().wire() + " " + d.subject() + " " + d.outcome()).containsExactly(
                "pool-size agent-threads shrink", "cache-trim caches kept", "slo agent-p95-duration no-data",
                "slo run-p95-duration no-data", "slo run-success-rate no-data");
        assertThat(pool.agentThreads()).isEqualTo(7);
        assertThat(agentExecutor.getCorePoolSize()).as("7 agent threads + 2 run slots").isEqualTo(9);
        assertThat(agentExecutor.getMaxPoolSize()).isEqualTo(9);
        assertThat(made.get(0).inputs()).containsEntry("agentThreads", 10).containsEntry("newAgentThreads", 7)
                .containsEntry("runSlots", 2).containsEntry("minAgentThreads", 4).containsEntry("maxAgentThreads", 20);
        assertThat(made.get(0).detail()).startsWith("agent threads 10 -> 7: utilization ");
        assertThat(cache.trims.get()).as("no memory pressure, no trimming").isEqualTo(trims);
        List<Decision> recorded = decisions.recent(null, 5);
        assertThat(recorded).extracting(Decision::subject).containsExactlyInAnyOrder("agent-threads", "caches",
                "agent-p95-duration", "run-p95-duration", "run-success-rate");
        assertThat(recorded).allSatisfy(d -> assertThat(d.id()).isNotNull());
        assertThat(recorded.stream().filter(d -> d.kind() == DecisionKind.POOL_SIZE).findFirst().orElseThrow().inputs())
                .containsEntry("newAgentThreads", 7);
    }

    @Test
    void busyAgentThreadsGrowThePool() {
        // All 12 threads (10 agent threads and 2 idle run slots) busy for the whole window.
        CountDownLatch started = new CountDownLatch(12);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 12; i++) {
            agentExecutor.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        List<Decision> made;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
            // Until the busy time outweighs the moments before the tasks started (measured, not slept on).
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Utilization.between(windowStart, pool.utilization(), pool.threads()).utilization() > 0.85);
            made = optimizer.tick();
        } finally {
            release.countDown();
        }

        assertThat(made.get(0).outcome()).as(made.get(0).detail()).isEqualTo("grow");
        assertThat(pool.agentThreads()).isEqualTo(13);
        assertThat(agentExecutor.getCorePoolSize()).isEqualTo(15);
        assertThat((Double) made.get(0).inputs().get("utilization")).isGreaterThan(0.8);
    }

    @Test
    void slosAreEvaluatedOnRunsAndAgentsThatEndedSinceThePreviousTick() {
        List<Launch> launches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            launches.add(launcher.launch("quick", Map.of(), null, "api"));
        }
        launches.add(launcher.launch("failing", Map.of(), null, "api"));
        await().atMost(Duration.ofSeconds(30)).until(() -> launches.stream().allMatch(l -> List.of("COMPLETED", "FAILED")
                .contains(jdbc.queryForObject("SELECT STATUS FROM P21_RUN WHERE RUN_ID = ?", String.class, l.runId()))));
        // A stopped run counts neither for nor against the success rate.
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, CREATED_AT, STARTED_AT, ENDED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                "stopped-run", "quick", "STOPPED", Instant.now().atOffset(ZoneOffset.UTC),
                Instant.now().atOffset(ZoneOffset.UTC), Instant.now().atOffset(ZoneOffset.UTC));

        List<Decision> slos = optimizer.tick().stream().filter(d -> d.kind() == DecisionKind.SLO).toList();
        List<Decision> next = optimizer.tick().stream().filter(d -> d.kind() == DecisionKind.SLO).toList();

        assertThat(slos).extracting(Decision::subject, Decision::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("agent-p95-duration", "pass"),
                org.assertj.core.groups.Tuple.tuple("run-p95-duration", "pass"),
                org.assertj.core.groups.Tuple.tuple("run-success-rate", "fail"));
        assertThat(slos.get(0).inputs()).containsEntry("samples", 13L).containsEntry("target", 800.0);
        assertThat((Double) slos.get(0).inputs().get("measured")).isBetween(30.0, 800.0);
        assertThat(slos.get(2).inputs()).containsEntry("samples", 7L).containsEntry("target", 0.95);
        assertThat((Double) slos.get(2).inputs().get("measured")).isEqualTo(6.0 / 7);
        assertThat(slos.get(2).detail()).isEqualTo("run-success-rate 85.7 % over 7 runs, target at least 95.0 %: fail");
        assertThat(next).as("the next window starts where this one ended").extracting(Decision::outcome)
                .containsOnly("no-data");
    }

    @Test
    void theQuartzTriggerRunsTheOptimizerJobEveryIntervalSkippingMissedTicks() throws SchedulerException {
        SimpleTrigger trigger = (SimpleTrigger) scheduler.getTrigger(OptimizerSchedule.TRIGGER);
        JobDetail job = scheduler.getJobDetail(OptimizerSchedule.JOB);

        assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(trigger.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
        assertThat(trigger.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        assertThat(trigger.getNextFireTime()).as("the first tick comes after one interval")
                .isAfter(java.util.Date.from(Instant.now().plus(Duration.ofMinutes(4))));
        assertThat(job.getJobClass()).isEqualTo(OptimizerJob.class);
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();

        int before = decisions.recent(DecisionKind.POOL_SIZE, 500).size();
        if (!scheduler.isStarted()) {
            scheduler.start();
        }
        scheduler.triggerJob(OptimizerSchedule.JOB);

        await().atMost(Duration.ofSeconds(10)).until(() -> decisions.recent(DecisionKind.POOL_SIZE, 500).size() > before);
    }

}
