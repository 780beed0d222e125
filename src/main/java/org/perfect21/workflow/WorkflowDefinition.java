package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;

/**
 * A workflow as loaded and validated: parameters and phases, every agent prepared.
 *
 * @param schedule when it runs by itself, or null
 */
public record WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                                 List<PhaseDefinition> phases, Path source, ScheduleDefinition schedule) {

    public WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                              List<PhaseDefinition> phases, Path source) {
        this(name, description, parameters, phases, source, null);
    }
}
