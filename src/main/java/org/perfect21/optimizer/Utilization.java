package org.perfect21.optimizer;

import org.perfect21.execution.ExecutorUtilization.Snapshot;

/**
 * The agent executor's utilization between two snapshots: agent busy thread time divided by the
 * thread time the pool had for agents, that is its threads × the window minus the time runs' job
 * tasks held threads. A pure function.
 *
 * @param elapsedNanos   the window
 * @param agentBusyNanos agent work in it
 * @param runHeldNanos   thread time runs held in it
 * @param agentTasks     agent tasks finished in it
 * @param utilization    the ratio; 0 for an empty window
 */
record Utilization(long elapsedNanos, long agentBusyNanos, long runHeldNanos, long agentTasks, double utilization) {

    static Utilization between(Snapshot earlier, Snapshot later, int poolThreads) {
        long elapsed = later.atNanos() - earlier.atNanos();
        long busy = later.agentBusyNanos() - earlier.agentBusyNanos();
        long held = later.runHeldNanos() - earlier.runHeldNanos();
        long tasks = later.agentTasks() - earlier.agentTasks();
        double available = (double) poolThreads * elapsed - held;
        double ratio = available <= 0 ? (busy > 0 ? 1.0 : 0.0) : busy / available;
        return new Utilization(elapsed, busy, held, tasks, ratio);
    }
}
