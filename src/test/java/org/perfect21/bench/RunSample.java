package org.perfect21.bench;

/**
 * One measured run.
 *
 * @param wallNanos     from the client's call to the run's return
 * @param criticalNanos the longest single agent duration of the run
 * @param succeeded     agents that succeeded
 * @param agents        agents in the run
 * @param completed     whether the run as a whole ended COMPLETED
 */
record RunSample(long wallNanos, long criticalNanos, int succeeded, int agents, boolean completed) {

    double overhead() {
        return criticalNanos == 0 ? Double.NaN : (double) wallNanos / criticalNanos;
    }
}
