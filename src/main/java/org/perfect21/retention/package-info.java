/**
 * The scheduled retention purge: a Quartz job and its cron trigger ({@code perfect21.retention.cron}) around
 * the purge of the run history ({@link org.perfect21.history.RunPurger}).
 */
package org.perfect21.retention;
