package org.perfect21.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.perfect21.history.AgentResult;
import org.perfect21.history.RunHistory;
import org.springframework.stereotype.Component;

/**
 * Group commit of agent results: a result is written as soon as no other write is under way; results
 * finishing meanwhile go out together in the next JDBC batch. Idle, a result is durable at once;
 * under load, rows are written in batches, not one by one. No timer is involved.
 */
@Component
class ResultWriter {

    private static final int MAX_BATCH = 500;

    private final RunHistory history;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    ResultWriter(RunHistory history) {
        this.history = history;
    }

    private record Pending(AgentResult result, CompletableFuture<AgentResult> written) {
    }

    /** Completes once the result is committed (or exceptionally if the write failed). */
    CompletableFuture<AgentResult> save(AgentResult result) {
        Pending pending = new Pending(result, new CompletableFuture<>());
        queue.add(pending);
        drain();
        return pending.written();
    }

    private void drain() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            List<Pending> batch = new ArrayList<>();
            Pending next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            RuntimeException failure = null;
            try {
                history.saveResults(batch.stream().map(Pending::result).toList());
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                writing.set(false);
            }
            for (Pending pending : batch) {
                if (failure == null) {
                    pending.written().complete(pending.result());
                } else {
                    pending.written().completeExceptionally(failure);
                }
            }
        }
    }
}
