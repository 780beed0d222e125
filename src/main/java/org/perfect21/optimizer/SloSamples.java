package org.perfect21.optimizer;

/**
 * What ended in one window, read from the history tables.
 *
 * @param agentDurationsMs durations of agents that completed or failed (the newest, at most a bounded number)
 * @param runDurationsMs   durations of runs that completed or failed (likewise bounded)
 * @param runsCompleted    runs that completed (exact count)
 * @param runsFailed       runs that failed (exact count; stopped runs are neither)
 * @param sampled          true when a duration list hit its bound and holds only the newest
 */
record SloSamples(long[] agentDurationsMs, long[] runDurationsMs, long runsCompleted, long runsFailed, boolean sampled) {
}
