/**
 * The run context: agent outputs of finished phases, kept under a budget of bytes and estimated tokens, persisted
 * with the run and passed to later phases' instructions. Oldest entries are evicted first; a run never fails because
 * of its context's size. It knows nothing of workflows, agents or runs.
 */
@ApplicationModule(displayName = "Run context", allowedDependencies = {})
package org.perfect21.context;

import org.springframework.modulith.ApplicationModule;
