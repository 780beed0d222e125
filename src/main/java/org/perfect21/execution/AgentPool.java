package org.perfect21.execution;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The agent executor seen as two parts: agent threads, which the optimizer sizes, and one thread per
 * run slot ({@code max-concurrent-runs}), which stays fixed. The executor's size is their sum.
 */
public final class AgentPool {

    private final ThreadPoolTaskExecutor executor;
    private final ExecutorUtilization utilization;
    private final int runSlots;
    private volatile int agentThreads;

    AgentPool(ThreadPoolTaskExecutor executor, ExecutorUtilization utilization, int agentThreads, int runSlots) {
        this.executor = executor;
        this.utilization = utilization;
        this.agentThreads = agentThreads;
        this.runSlots = runSlots;
    }

    /** Threads for agent work (the part the optimizer sizes). */
    public int agentThreads() {
        return agentThreads;
    }

    /** Threads kept for runs' job tasks, one per run slot. */
    public int runSlots() {
        return runSlots;
    }

    /** The executor's size: agent threads plus run slots. */
    public int threads() {
        return agentThreads + runSlots;
    }

    /**
     * Runs {@code run} on one of the run-slot threads: a task that holds its thread for a whole run, which the
     * utilization meter keeps apart from agent work.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the executor is closing
     */
    public void startRunSlot(Runnable run) {
        executor.execute(new RunSlotTask(run));
    }

    public ExecutorUtilization.Snapshot utilization() {
        return utilization.snapshot();
    }

    /**
     * Sets the number of agent threads. Core and max move together (with an unbounded queue the pool
     * never grows past its core size); ThreadPoolExecutor refuses core above max, so max moves first
     * when growing and last when shrinking. Threads over the new size leave once their task ends.
     */
    public synchronized void resize(int newAgentThreads) {
        if (newAgentThreads < 1) {
            throw new IllegalArgumentException("agent threads must be at least 1, not " + newAgentThreads);
        }
        int threads = newAgentThreads + runSlots;
        if (threads > executor.getMaxPoolSize()) {
            executor.setMaxPoolSize(threads);
            executor.setCorePoolSize(threads);
        } else {
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
        }
        agentThreads = newAgentThreads;
    }
}
