package org.perfect21.agent.simulated;

import java.time.Duration;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.springframework.stereotype.Component;

/**
 * {@code kind: simulated}: waits a latency ({@code 200ms} or a range {@code 150ms..250ms}), then
 * produces {@code outputBytes} of text or fails with probability {@code failureRate}. With a
 * {@code seed} every attempt is deterministic.
 */
@Component
public class SimulatedAgentKind implements AgentKind {

    static final long DEFAULT_OUTPUT_BYTES = 1024;

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public AgentRunner prepare(AgentDefinition definition, AgentSettings settings) {
        LatencyRange latency = latency(settings);
        var outputSize = settings.dataSize("outputBytes");
        long outputBytes = outputSize == null ? DEFAULT_OUTPUT_BYTES : outputSize.toBytes();
        if (outputBytes > Integer.MAX_VALUE / 2) {
            settings.problem("outputBytes", "must be at most 1GB");
        }
        Double failureRate = settings.decimal("failureRate", 0, 1);
        Long seed = settings.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return new SimulatedAgent(definition.name(), latency, (int) Math.min(outputBytes, Integer.MAX_VALUE / 2),
                failureRate == null ? 0 : failureRate, seed);
    }

    private static LatencyRange latency(AgentSettings settings) {
        String text = settings.string("latency");
        if (text == null) {
            return new LatencyRange(Duration.ZERO, Duration.ZERO);
        }
        String[] bounds = text.split("\\.\\.", -1);
        if (bounds.length > 2) {
            settings.problem("latency", "'" + text + "' is neither a duration nor a range like 100ms..300ms");
            return new LatencyRange(Duration.ZERO, Duration.ZERO);
        }
        Duration low = AgentSettings.parseDuration(bounds[0]);
        Duration high = bounds.length == 2 ? AgentSettings.parseDuration(bounds[1]) : low;
        if (low == null || high == null) {
            settings.problem("latency", "'" + text + "' is not a duration or a range (examples: 200ms, 100ms..300ms)");
            return new LatencyRange(Duration.ZERO, Duration.ZERO);
        }
        if (high.compareTo(low) < 0) {
            settings.problem("latency", "range '" + text + "' ends before it starts");
        }
        return new LatencyRange(low, high);
    }

    /** Inclusive bounds of a simulated agent's latency. */
    record LatencyRange(Duration low, Duration high) {
    }
}
