/**
 * Where the platform keeps its state and finds its definitions ({@code perfect21.data-dir}, {@code perfect21.jobs-dir}):
 * the settings several features share. It depends on nothing.
 */
@ApplicationModule(displayName = "Shared settings", allowedDependencies = {})
package org.perfect21.config;

import org.springframework.modulith.ApplicationModule;
