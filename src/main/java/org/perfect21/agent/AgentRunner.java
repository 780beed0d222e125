package org.perfect21.agent;

import java.util.concurrent.CompletableFuture;

/**
 * Runs one attempt of a prepared agent.
 *
 * <p>Implementations must not block the calling thread while the agent works: they return at once
 * with a future. When the platform completes that future exceptionally first (timeout, phase
 * deadline, cancellation), the implementation must release what the attempt holds, e.g. kill its
 * process tree; register that cleanup on the returned future before returning it.
 */
@FunctionalInterface
public interface AgentRunner {

    CompletableFuture<AgentOutcome> start(AgentCall call);
}
