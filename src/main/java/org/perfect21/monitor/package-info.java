/**
 * Watching the platform and tuning it: the optimizer (a Quartz job that sizes the agent executor from
 * its utilization, trims caches under memory pressure and evaluates SLOs, recording every decision)
 * and memory pressure (JMX heap thresholds and GC notifications that hold and resume launches).
 * Monitor reads history and drives execution's pool and launcher; nothing below it depends on it.
 */
package org.perfect21.monitor;
