/**
 * Launching runs: admission (capacity, shutdown), idempotency keys, the persisted launch queue and its slots,
 * holding and resuming starts, and taking over what an earlier process left. The API, schedules and the optimizer
 * go through {@link org.perfect21.launch.RunLauncher}.
 */
@ApplicationModule(displayName = "Launch queue", allowedDependencies = {"execution", "history", "workflow"})
package org.perfect21.launch;

import org.springframework.modulith.ApplicationModule;
