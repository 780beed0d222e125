package org.perfect21.cli.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The hand-off between the engine's threads and the one thread that shows progress: engine threads only add to an
 * unbounded queue (they never wait on the view); the view's thread takes everything queued at once.
 */
final class EventInbox {

    /** Not events: a timer asking for a refresh, and the end of what is followed. */
    enum Signal { WAKE, ENDED }

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    void offer(Object event) {
        queue.offer(event);
    }

    /**
     * Adds {@link Signal#WAKE} after {@code delay}, on the JDK's timer thread (a future's delayed executor): the only
     * clock the rules allow, and it runs nothing but the enqueue.
     */
    void wakeAfter(Duration delay) {
        CompletableFuture.delayedExecutor(Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS, Runnable::run)
                .execute(() -> queue.offer(Signal.WAKE));
    }

    /** Waits (untimed) for something to arrive, then takes it with everything else queued, in order. */
    List<Object> takeAll() throws InterruptedException {
        List<Object> batch = new ArrayList<>();
        batch.add(queue.take());
        queue.drainTo(batch);
        return batch;
    }
}
