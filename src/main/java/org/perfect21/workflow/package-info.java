/**
 * Workflow and agent definitions: reading the files, resolving agents through their kinds, validating everything at
 * once, and the catalog of the jobs directory (which publishes {@code DefinitionsLoaded} when it reloads).
 */
@ApplicationModule(displayName = "Definitions", allowedDependencies = {"agent", "config"})
package org.perfect21.workflow;

import org.springframework.modulith.ApplicationModule;
