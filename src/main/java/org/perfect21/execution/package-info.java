/**
 * Running workflows: each run is a Spring Batch job, each phase a partitioned step whose workers run the
 * phase's agents on one managed executor. Its API is {@link org.perfect21.execution.WorkflowRunner}, the pool the
 * optimizer sizes, and the run events (past-tense records, published synchronously) that live views listen to.
 * Internals: {@code job} (the Batch wiring), {@code partition} (running a partition's agents: attempts, retries,
 * timeouts, the result cache), {@code live} (what only the running process knows).
 */
@ApplicationModule(displayName = "Execution", allowedDependencies = {"agent", "cache", "context", "history", "selection", "usage", "workflow"})
package org.perfect21.execution;

import org.springframework.modulith.ApplicationModule;
