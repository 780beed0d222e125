/**
 * Hourly rollups of the agent results and runs for the admin reports: the Quartz job ({@code perfect21.rollup.cron})
 * adds each closed hour once ({@link org.perfect21.rollup.HourlyRollup}); the reports in {@code db/reports} read them for
 * the whole hours they hold and the agent results and runs for the rest of a window.
 */
package org.perfect21.rollup;
