package org.perfect21.execution.live;

import java.util.Map;

import org.perfect21.context.RunContext;
import org.perfect21.workflow.WorkflowDefinition;

/**
 * Everything a run's job needs: which workflow, with which typed parameters.
 *
 * @param restart whether this execution restarts an earlier, failed one of the same run
 * @param context the run's context: outputs of finished phases under the budget, restored on a restart
 * @param spend   what the run's agents used against the workflow's limits, counted on from earlier executions
 * @param agents  the agents each phase runs (a forEach's instances once its phase started)
 */
public record RunPlan(String runId, WorkflowDefinition workflow, Map<String, Object> params, boolean restart,
                      RunContext context, RunSpend spend, PhaseAgents agents) {

    public RunPlan(String runId, WorkflowDefinition workflow, Map<String, Object> params, boolean restart,
                   RunContext context, RunSpend spend) {
        this(runId, workflow, params, restart, context, spend, new PhaseAgents(workflow));
    }

    public RunPlan(String runId, WorkflowDefinition workflow, Map<String, Object> params, boolean restart,
                   RunContext context) {
        this(runId, workflow, params, restart, context, new RunSpend(workflow.limits(), null));
    }
}
