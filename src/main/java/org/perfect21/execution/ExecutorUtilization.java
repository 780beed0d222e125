package org.perfect21.execution;

import java.util.function.LongSupplier;

import org.springframework.core.task.TaskDecorator;

/**
 * Measures the agent executor's work as thread time. Set as the executor's task decorator, it adds up
 * how long tasks run: agent work (attempt starts, completions, process I/O, retries) in one sum, the
 * tasks that hold a thread for a whole run ({@link RunSlotTask}) in another, since that time is not
 * available to agents. Time of tasks still running counts up to the moment of a snapshot, so a long
 * task is spread over the windows it spans. Readers take snapshots and subtract.
 */
public final class ExecutorUtilization implements TaskDecorator {

    private final LongSupplier nanoTime;
    // Times are kept relative to this origin so that running × now cannot overflow.
    private final long origin;
    // Guarded by this.
    private final Meter agents = new Meter();
    private final Meter runs = new Meter();

    ExecutorUtilization() {
        this(System::nanoTime);
    }

    ExecutorUtilization(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    /**
     * Cumulative figures at one moment.
     *
     * @param atNanos        when it was taken (monotonic, only meaningful as a difference)
     * @param agentBusyNanos thread time spent on agent work so far
     * @param runHeldNanos   thread time held by runs' job tasks so far
     * @param agentTasks     agent tasks finished so far
     */
    public record Snapshot(long atNanos, long agentBusyNanos, long runHeldNanos, long agentTasks) {
    }

    @Override
    public Runnable decorate(Runnable task) {
        Meter meter = task instanceof RunSlotTask ? runs : agents;
        return () -> {
            long started = begin(meter);
            try {
                task.run();
            } finally {
                end(meter, started);
            }
        };
    }

    public synchronized Snapshot snapshot() {
        long now = now();
        return new Snapshot(now, agents.busy(now), runs.busy(now), agents.finished);
    }

    private synchronized long begin(Meter meter) {
        long now = now();
        meter.running++;
        meter.startSum += now;
        return now;
    }

    private synchronized void end(Meter meter, long started) {
        meter.running--;
        meter.startSum -= started;
        meter.completedNanos += now() - started;
        meter.finished++;
    }

    private long now() {
        return nanoTime.getAsLong() - origin;
    }

    /** Busy time of one kind of task: finished tasks' time, plus running tasks' time so far. */
    private static final class Meter {
        long completedNanos;
        long running;
        long startSum;
        long finished;

        long busy(long now) {
            return completedNanos + running * now - startSum;
        }
    }
}
