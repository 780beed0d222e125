package org.perfect21.agent.simulated;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedAgentTests {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final SimulatedAgentKind kind = new SimulatedAgentKind();

    @AfterEach
    void closeExecutor() {
        executor.shutdownNow();
    }

    @Test
    void itProducesTheConfiguredNumberOfBytes() {
        AgentOutcome outcome = run(prepare(Map.of("outputBytes", "15KB")), 1);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.outputBytes()).isEqualTo(15 * 1024);
        assertThat(outcome.output()).hasSize(15 * 1024);
    }

    @Test
    void theSameSeedGivesTheSameOutcomesAttemptByAttempt() {
        Map<String, Object> settings = Map.of("seed", 42L, "failureRate", 0.5, "outputBytes", 100L);
        AgentRunner first = prepare(settings);
        AgentRunner second = prepare(settings);

        List<Boolean> firstOutcomes = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(a -> run(first, a).succeeded()).toList();
        List<Boolean> secondOutcomes = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(a -> run(second, a).succeeded()).toList();

        assertThat(firstOutcomes).isEqualTo(secondOutcomes).contains(true, false);
    }

    @Test
    void aFailureRateOfOneAlwaysFailsAndZeroNeverDoes() {
        assertThat(run(prepare(Map.of("failureRate", 1.0)), 1).error()).isEqualTo("simulated failure of sim (attempt 1)");
        assertThat(run(prepare(Map.of("failureRate", 0.0)), 1).succeeded()).isTrue();
    }

    @Test
    void theLatencyIsWaitedOnATimerWithinItsRange() {
        AgentRunner runner = prepare(Map.of("latency", "50ms..80ms"));
        long start = System.nanoTime();

        var future = runner.start(call(1));

        assertThat(future).as("returns at once; the wait is a timer").isNotDone();
        future.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(50);
    }

    @Test
    void badSettingsAreReportedPerField() {
        AgentSettings settings = settings(Map.of("latency", "300ms..100ms", "failureRate", 1.5, "outputBytes", "lots"));
        kind.prepare(definition(settings), settings);

        assertThat(settings.problems()).extracting(AgentSettings.SettingProblem::field)
                .containsExactlyInAnyOrder("latency", "failureRate", "outputBytes");
    }

    private AgentOutcome run(AgentRunner runner, int attempt) {
        return runner.start(call(attempt)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private AgentRunner prepare(Map<String, Object> values) {
        AgentSettings settings = settings(values);
        AgentRunner runner = kind.prepare(definition(settings), settings);
        assertThat(settings.problems()).isEmpty();
        return runner;
    }

    private AgentCall call(int attempt) {
        return new AgentCall("run-1", "phase", "", "", attempt, Map.of(), executor);
    }

    private static AgentSettings settings(Map<String, Object> values) {
        return new AgentSettings(new HashMap<>(values), Map.of());
    }

    private static AgentDefinition definition(AgentSettings settings) {
        return new AgentDefinition("sim", "simulated", null, null, List.of(), null, null, null, 0, "", settings, Path.of("sim.md"), 1);
    }
}
