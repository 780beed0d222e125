/**
 * Hourly rollups of the agent results and runs for the admin reports: the Quartz job ({@code perfect21.rollup.cron})
 * adds each closed hour once ({@link org.perfect21.rollup.HourlyRollup}) and drops those past the retention's max age;
 * the reports in {@code db/reports} read them for the whole hours they hold.
 */
@ApplicationModule(displayName = "Hourly rollups", allowedDependencies = {"retention"})
package org.perfect21.rollup;

import org.springframework.modulith.ApplicationModule;
