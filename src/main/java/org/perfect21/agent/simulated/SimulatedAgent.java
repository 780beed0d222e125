package org.perfect21.agent.simulated;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;

/** A prepared simulated agent. The wait is a JDK timer completing a future, not a sleeping thread. */
final class SimulatedAgent implements AgentRunner {

    private static final String WORDS = "analysis design review test schema endpoint risk plan ";

    private final String name;
    private final SimulatedAgentKind.LatencyRange latency;
    private final int outputBytes;
    private final double failureRate;
    private final Long seed;

    SimulatedAgent(String name, SimulatedAgentKind.LatencyRange latency, int outputBytes, double failureRate, Long seed) {
        this.name = name;
        this.latency = latency;
        this.outputBytes = outputBytes;
        this.failureRate = failureRate;
        this.seed = seed;
    }

    @Override
    public CompletableFuture<AgentOutcome> start(AgentCall call) {
        // Seeded: the same seed and attempt number give the same latency, outcome and output.
        SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed * 31 + call.attempt());
        long lowNanos = latency.low().toNanos();
        long spread = latency.high().toNanos() - lowNanos;
        long delayNanos = lowNanos + (spread > 0 ? random.nextLong(spread + 1) : 0);
        boolean fails = failureRate > 0 && random.nextDouble() < failureRate;
        if (delayNanos == 0) {
            return CompletableFuture.completedFuture(outcome(fails, call));
        }
        return CompletableFuture.supplyAsync(() -> outcome(fails, call),
                CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, call.executor()));
    }

    private AgentOutcome outcome(boolean fails, AgentCall call) {
        if (fails) {
            return AgentOutcome.failure("simulated failure of " + name + " (attempt " + call.attempt() + ")");
        }
        return AgentOutcome.success(text(outputBytes));
    }

    private static String text(int bytes) {
        StringBuilder out = new StringBuilder(bytes);
        while (out.length() < bytes) {
            out.append(WORDS, 0, Math.min(WORDS.length(), bytes - out.length()));
        }
        return out.toString();
    }
}
