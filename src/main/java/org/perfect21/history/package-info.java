/**
 * The run history: runs, phases, agent results and auto phases' recorded selections in the platform's tables, their
 * state types ({@link org.perfect21.history.RunStatus}, {@link org.perfect21.history.PhaseStatus},
 * {@link org.perfect21.history.AgentStatus}, with the moves each allows), and the run document read from them. It
 * depends on no other feature, only on the shared {@code usage} record.
 */
@ApplicationModule(displayName = "Run history", allowedDependencies = {"usage"})
package org.perfect21.history;

import org.springframework.modulith.ApplicationModule;
