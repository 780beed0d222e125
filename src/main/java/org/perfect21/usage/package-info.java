/**
 * What model calls use: tokens and cost ({@link org.perfect21.usage.Usage}), shared by the agent kinds that report
 * it, the run history that stores it and the execution that enforces a workflow's limits on it. It depends on nothing.
 */
@ApplicationModule(displayName = "Usage", allowedDependencies = {})
package org.perfect21.usage;

import org.springframework.modulith.ApplicationModule;
