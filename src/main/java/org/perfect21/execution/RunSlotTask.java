package org.perfect21.execution;

/**
 * A task that holds an executor thread for a whole run (the run's job, mostly waiting on its agents).
 * Marked so the executor's utilization meter keeps its time apart from agent work.
 */
record RunSlotTask(Runnable body) implements Runnable {

    @Override
    public void run() {
        body.run();
    }
}
