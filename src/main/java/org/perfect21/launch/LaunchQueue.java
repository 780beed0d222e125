package org.perfect21.launch;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The launch queue in memory: runs waiting in start order, the runs executing, and whether runs may start
 * now. One lock guards it all; nothing here touches the database or starts a thread, so the lock is only
 * held for bookkeeping. Admission refuses a launch while closing or when the queue is full; a launch that
 * would start at once does not count against the queue.
 */
final class LaunchQueue {

    private final int slots;
    private final int capacity;
    private final RunDurations durations;

    // Guarded by this.
    private final ArrayDeque<QueuedRun> waiting = new ArrayDeque<>();
    private final Set<String> executing = new HashSet<>();
    // Launches admitted whose QUEUED row is being written.
    private int reserved;
    private boolean accepting = true;
    private boolean closing;
    // Why runs are held back (e.g. memory pressure); null when they start as slots free.
    private String heldBecause;
    private Instant lastCreatedAt = Instant.EPOCH;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    LaunchQueue(int slots, int capacity, RunDurations durations) {
        this.slots = slots;
        this.capacity = capacity;
        this.durations = durations;
    }

    /**
     * Admits a launch whose row is about to be written and holds its place meanwhile (so launches write
     * concurrently); returns its creation time, strictly later than any before, so the stored order is the
     * admission order.
     *
     * @throws LaunchesClosedException when closing
     * @throws QueueFullException      when the queue is full
     */
    synchronized Instant reserve() {
        admit();
        reserved++;
        Instant now = Instant.now();
        lastCreatedAt = now.isAfter(lastCreatedAt) ? now : lastCreatedAt.plusNanos(1000);
        return lastCreatedAt;
    }

    /**
     * Gives back a reservation; the run joins the queue when its row was written. Returns what may start
     * now, taken in the same step, so a run that can start at once is known to have started.
     */
    synchronized List<QueuedRun> release(QueuedRun written) {
        reserved--;
        if (written == null) {
            return List.of();
        }
        waiting.add(written);
        return takeStartable();
    }

    /**
     * Admits a run whose stored status {@code requeue} moves back to QUEUED (a restart), or refuses it as
     * {@link #reserve()} does; returns what may start now.
     */
    synchronized List<QueuedRun> admitStored(Runnable requeue, QueuedRun run) {
        admit();
        requeue.run();
        waiting.add(run);
        return takeStartable();
    }

    /** Adds a run an earlier process left; false when it waits here already. */
    synchronized boolean adopt(QueuedRun run) {
        if (waiting.stream().anyMatch(q -> q.runId().equals(run.runId()))) {
            return false;
        }
        waiting.add(run);
        return true;
    }

    /** Takes a waiting run out of the queue; false when it is not waiting here. */
    synchronized boolean withdraw(String runId) {
        return waiting.removeIf(q -> q.runId().equals(runId));
    }

    /** The waiting runs that may start now, marked executing. */
    synchronized List<QueuedRun> takeStartable() {
        List<QueuedRun> start = new ArrayList<>();
        while (!closing && heldBecause == null && executing.size() < slots && !waiting.isEmpty()) {
            QueuedRun next = waiting.poll();
            start.add(next);
            if (executing.isEmpty()) {
                idle = new CompletableFuture<>();
            }
            executing.add(next.runId());
        }
        return start;
    }

    /** A run has left its slot; completes the idle future when it was the last. */
    void finished(String runId) {
        CompletableFuture<Void> nowIdle = null;
        synchronized (this) {
            executing.remove(runId);
            if (executing.isEmpty()) {
                nowIdle = idle;
            }
        }
        if (nowIdle != null) {
            nowIdle.complete(null);
        }
    }

    synchronized void hold(String reason) {
        heldBecause = reason;
    }

    /** Lifts a hold; false when none was on. */
    synchronized boolean resume() {
        if (heldBecause == null) {
            return false;
        }
        heldBecause = null;
        return true;
    }

    synchronized String heldBecause() {
        return heldBecause;
    }

    synchronized boolean isClosing() {
        return closing;
    }

    /**
     * Closes the queue: no more launches, nothing more starts. Returns the runs executing now, and a future
     * that completes when the last has left its slot.
     */
    synchronized Closing close() {
        accepting = false;
        closing = true;
        return new Closing(List.copyOf(executing), idle);
    }

    record Closing(List<String> executing, CompletableFuture<Void> idle) {
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    synchronized int executingCount() {
        return executing.size();
    }

    // Called holding the lock.
    private void admit() {
        if (!accepting) {
            throw new LaunchesClosedException();
        }
        int queued = waiting.size() + reserved;
        if (queued >= capacity && !(queued == 0 && executing.size() < slots)) {
            throw new QueueFullException(capacity, durations.retryAfterSeconds(queued - capacity + 1, slots));
        }
    }
}
