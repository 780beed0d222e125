package org.perfect21.execution;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How runs execute.
 *
 * @param maxConcurrentAgents global limit of agent attempts in flight, across all runs and phases
 * @param agentThreads        threads of the one agent executor (process I/O and completions; waiting agents hold none)
 * @param gridSize            partitions per phase step; 1 runs a phase's agents in one worker step on this node
 * @param storedOutput        how much of each agent's output is kept in the database
 * @param defaultAgentTimeout per-attempt timeout for agents that set none
 * @param maxConcurrentRuns   runs executing at once for launches through the queue (API, schedules); more wait QUEUED
 * @param queueCapacity       queued runs at most; a launch beyond it is refused (HTTP 429)
 * @param shutdownGrace       how long closing the application waits for runs it stops to end
 * @param retryBackoff        the wait before the first retry of a transient failure (rate limited, overloaded);
 *                            it doubles at each further retry, with jitter
 * @param maxRetryBackoff     the longest such wait (a server's {@code Retry-After} may ask for more)
 */
@Validated
@ConfigurationProperties("perfect21.execution")
public record ExecutionProperties(
        @DefaultValue("256") @Min(1) @Max(100_000) int maxConcurrentAgents,
        @DefaultValue("16") @Min(1) @Max(1024) int agentThreads,
        @DefaultValue("1") @Min(1) @Max(1024) int gridSize,
        @DefaultValue("256KB") DataSize storedOutput,
        @DefaultValue("30m") Duration defaultAgentTimeout,
        @DefaultValue("16") @Min(1) @Max(4096) int maxConcurrentRuns,
        @DefaultValue("1000") @Min(0) @Max(10_000_000) int queueCapacity,
        @DefaultValue("20s") Duration shutdownGrace,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("1m") Duration maxRetryBackoff) {
}
