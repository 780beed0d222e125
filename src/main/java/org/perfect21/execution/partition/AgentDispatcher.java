package org.perfect21.execution.partition;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Bounds agent attempts in flight across the whole platform. Attempts over the limit wait in FIFO
 * order and are started by the completion of another, never by polling; no thread waits meanwhile.
 */
public final class AgentDispatcher {

    private final int limit;
    private final Executor executor;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public AgentDispatcher(int limit, Executor executor) {
        this.limit = limit;
        this.executor = executor;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = attempt.get();
            } catch (RuntimeException | Error e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, failure) -> {
                release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean startNow;
        synchronized (this) {
            startNow = running < limit;
            if (startNow) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (startNow) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            // The permit passes to the next attempt; start it off the completing thread (a timer or process reaper).
            executor.execute(next);
        }
    }
}
