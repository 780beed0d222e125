/**
 * Agent definitions and the agent SPI: kinds that turn a definition into something that runs. The kinds live in
 * sub-packages ({@code claude}, {@code http}, {@code command}, {@code git}, {@code simulated}; {@code process} holds what the
 * process-running kinds share), internal to the module: they are found as beans.
 */
@ApplicationModule(displayName = "Agents", allowedDependencies = {"cache", "config", "git", "usage"})
package org.perfect21.agent;

import org.springframework.modulith.ApplicationModule;
