package org.perfect21.optimizer;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The optimizer.
 *
 * @param interval         time between two ticks (a Quartz simple trigger; a missed tick is skipped)
 * @param minAgentThreads  fewest agent threads the optimizer shrinks to
 * @param maxAgentThreads  most agent threads the optimizer grows to
 * @param keepDecisions    how long decision rows are kept; older ones are deleted at each tick
 * @param slo              the service level objectives evaluated at each tick
 */
@Validated
@ConfigurationProperties("perfect21.optimizer")
public record OptimizerProperties(
        @DefaultValue("5m") Duration interval,
        @DefaultValue("4") @Min(1) @Max(1024) int minAgentThreads,
        @DefaultValue("256") @Min(1) @Max(1024) int maxAgentThreads,
        @DefaultValue("30d") Duration keepDecisions,
        @DefaultValue @Valid Slo slo) {

    public OptimizerProperties {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("perfect21.optimizer.interval must be at least 1s, not " + interval);
        }
        if (minAgentThreads > maxAgentThreads) {
            throw new IllegalArgumentException("perfect21.optimizer.min-agent-threads (" + minAgentThreads
                    + ") must not exceed max-agent-threads (" + maxAgentThreads + ")");
        }
        if (keepDecisions.isNegative() || keepDecisions.isZero()) {
            throw new IllegalArgumentException("perfect21.optimizer.keep-decisions must be positive, not " + keepDecisions);
        }
    }

    /**
     * Targets, each evaluated over the window since the previous tick.
     *
     * @param agentP95    95th percentile of agent durations must stay below this
     * @param runP95      95th percentile of run durations must stay below this
     * @param successRate completed runs / (completed + failed) must stay at or above this
     */
    public record Slo(
            @DefaultValue("800ms") Duration agentP95,
            @DefaultValue("1500ms") Duration runP95,
            @DefaultValue("0.95") @DecimalMin("0") @DecimalMax("1") double successRate) {
    }
}
