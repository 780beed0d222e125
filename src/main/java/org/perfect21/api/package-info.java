/**
 * The REST API: controllers, and the infrastructure around them (bearer-token security in
 * {@code api.security}, RFC 9457 problem responses and request limits in {@code api.problem}, OpenAPI). An entry
 * point: nothing depends on it.
 */
@ApplicationModule(displayName = "REST API", allowedDependencies = {"config", "execution", "history", "launch",
        "optimizer", "report", "retention", "schedule", "workflow"})
package org.perfect21.api;

import org.springframework.modulith.ApplicationModule;
