/**
 * Retention: the policy ({@code perfect21.retention.*}), the purge of whole runs past it in bounded batches, the
 * record of purges (with the purged runs' workspaces), and the Quartz job that purges on {@code perfect21.retention.cron} (with the result cache's
 * expired rows).
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {"agent", "cache", "history"})
package org.perfect21.retention;

import org.springframework.modulith.ApplicationModule;
