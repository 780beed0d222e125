package org.perfect21.launch;

import java.util.Map;

import org.perfect21.workflow.WorkflowDefinition;

/**
 * A run waiting for a slot. {@code workflow} and {@code params} are null when it was queued by an earlier
 * process (or for a restart): they are then rebuilt from the stored run.
 *
 * @param resumed whether an earlier process had started it (it may have a job execution to take up)
 */
record QueuedRun(String runId, WorkflowDefinition workflow, Map<String, Object> params, boolean resumed) {

    static QueuedRun stored(String runId, boolean resumed) {
        return new QueuedRun(runId, null, null, resumed);
    }
}
