package org.perfect21.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfect21.agent.AgentDefinition;

/**
 * A consistent set of loaded definitions: the agent library and the workflows using it.
 *
 * @param agents    library agents by name
 * @param workflows workflows by name
 * @param warnings  things skipped that are not errors (e.g. a README among the agents)
 */
public record Definitions(Map<String, AgentDefinition> agents, Map<String, WorkflowDefinition> workflows,
                          List<String> warnings) {

    public Optional<WorkflowDefinition> workflow(String name) {
        return Optional.ofNullable(workflows.get(name));
    }
}
