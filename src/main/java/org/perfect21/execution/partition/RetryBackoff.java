package org.perfect21.execution.partition;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.perfect21.agent.AgentOutcome.Retry;

/**
 * When a transient failure is retried: exponential backoff ({@code first}, doubled per retry, at most {@code max})
 * with jitter (between half and all of that), so agents rate limited together do not come back together; never
 * sooner than the server's {@code Retry-After}.
 */
record RetryBackoff(Duration first, Duration max) {

    /** The wait before the retry that follows {@code attempt} (1 for the first attempt). */
    Duration delay(Retry retry, int attempt) {
        if (!retry.backoff()) {
            return Duration.ZERO;
        }
        long ceiling = Math.min(max.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        long floor = retry.after() == null ? 0 : retry.after().toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }

    /** Runs the retry on {@code executor} after its delay, through the JDK's timer (no thread waits). */
    Executor executorFor(Retry retry, int attempt, Executor executor) {
        Duration delay = delay(retry, attempt);
        return delay.isZero() ? executor : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor);
    }
}
