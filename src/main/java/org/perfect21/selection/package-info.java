/**
 * Automatic selection: an auto phase's agents chosen when a run is planned, as many as the task's complexity asks
 * (keyword rules), ranked by the task's BM25 relevance to each candidate (an in-memory Lucene index per loaded
 * definition) and, among near ties, by each candidate's recent history; the choice is recorded and a restart reuses it.
 * Its API is {@link org.perfect21.selection.AutoPhaseResolver} (used by execution when it plans a run) and
 * {@link org.perfect21.selection.AgentSelector}.
 */
@ApplicationModule(displayName = "Automatic selection", allowedDependencies = {"agent", "history", "workflow"})
package org.perfect21.selection;

import org.springframework.modulith.ApplicationModule;
