package org.perfect21.cli.live;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.perfect21.execution.AgentPool;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The live view of {@code run}, {@code restart} and {@code watch}. A run goes to a run slot of the agent executor
 * (the thread the launch queue would give it), so the command's own thread is free to show its events: engine threads
 * only enqueue them, and a slow terminal or pipe never holds the engine up.
 */
@Component
public class LiveProgress {

    /** How often {@code watch} reads the run from the database. */
    static final Duration WATCH_EVERY = Duration.ofMillis(500);

    private final RunEventFeed feed;
    private final ObjectProvider<AgentPool> pool;
    private final ObjectProvider<WorkflowRunner> runner;

    LiveProgress(RunEventFeed feed, ObjectProvider<AgentPool> pool, ObjectProvider<WorkflowRunner> runner) {
        this.feed = feed;
        this.pool = pool;
        this.runner = runner;
    }

    /**
     * Executes {@code run} (a run or a restart) while showing its progress on {@code out}; returns what it returns.
     *
     * @param before a restarted run as stored before the restart (its kept phases and agents are shown as they are), or
     *               null for a new run
     */
    public RunDocument follow(PrintStream out, RunDocument before, Supplier<RunDocument> run) {
        try (ProgressView view = ProgressViews.forOutput(out)) {
            if (before != null) {
                view.seed(SnapshotEvents.between(null, before, Instant.now()));
            }
            return follow(view, run);
        }
    }

    RunDocument follow(ProgressView view, Supplier<RunDocument> run) {
        EventInbox inbox = feed.subscribe();
        CompletableFuture<RunDocument> result = new CompletableFuture<>();
        try {
            pool.getObject().startRunSlot(() -> {
                try {
                    result.complete(run.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            // Queued after the run's last event, which the run published before it returned.
            result.whenComplete((document, error) -> inbox.offer(EventInbox.Signal.ENDED));
            show(inbox, view);
        } finally {
            feed.unsubscribe(inbox);
        }
        return outcome(result);
    }

    /** Hands everything queued to the view, until the run has ended; arms the timer the view asks for. */
    private static void show(EventInbox inbox, ProgressView view) {
        Instant wakeAt = null;
        boolean ended = false;
        while (!ended) {
            List<Object> batch;
            try {
                batch = inbox.takeAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ended = batch.remove(EventInbox.Signal.ENDED);
            if (batch.removeIf(EventInbox.Signal.WAKE::equals)) {
                wakeAt = null;
            }
            Instant now = Instant.now();
            Optional<Duration> again = view.show(batch, now);
            // One timer at a time, unless the view wants to be called sooner than the one armed.
            if (!ended && again.isPresent() && (wakeAt == null || now.plus(again.get()).isBefore(wakeAt))) {
                wakeAt = now.plus(again.get());
                inbox.wakeAfter(again.get());
            }
        }
    }

    private static RunDocument outcome(CompletableFuture<RunDocument> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Shows the progress of a run another process executes, read from the database every {@link #WATCH_EVERY}, until
     * it has ended; returns it as it ended. A run that has ended already is returned at once, with nothing shown.
     *
     * @throws org.perfect21.history.NoSuchRunException when no run has this id
     */
    public RunDocument watch(String runId, PrintStream out) {
        WorkflowRunner runs = runner.getObject();
        RunDocument now = runs.document(runId);
        if (now.status().isTerminal()) {
            return now;
        }
        try (ProgressView view = ProgressViews.forOutput(out)) {
            return watch(runId, view, runs);
        }
    }

    RunDocument watch(String runId, ProgressView view, WorkflowRunner runs) {
        // The read rate's bound: the next read waits (untimed) for the timer's wake-up in an inbox of its own, as the
        // view's redraws do; no thread waits on the clock.
        EventInbox ticks = new EventInbox();
        RunDocument previous = null;
        RunDocument now = runs.document(runId);
        while (true) {
            view.show(SnapshotEvents.between(previous, now, Instant.now()), Instant.now());
            if (now.status().isTerminal()) {
                return now;
            }
            ticks.wakeAfter(WATCH_EVERY);
            try {
                ticks.takeAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            previous = now;
            now = runs.document(runId);
        }
    }
}
