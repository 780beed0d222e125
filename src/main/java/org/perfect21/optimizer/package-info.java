/**
 * Tuning the platform as it runs: the optimizer (a Quartz job that sizes the agent executor from its utilization,
 * trims caches when memory is short and evaluates SLOs, recording every decision) and memory pressure (JMX heap
 * thresholds and GC notifications that hold and resume launches), and the run and agent duration timers fed by the
 * run events. It acts on execution's pool and the launch queue; nothing depends on it but the API.
 */
@ApplicationModule(displayName = "Optimizer", allowedDependencies = {"cache", "execution", "history", "launch"})
package org.perfect21.optimizer;

import org.springframework.modulith.ApplicationModule;
