package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;

/** A workflow as loaded and validated: parameters and phases, every agent prepared. */
public record WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                                 List<PhaseDefinition> phases, Path source) {
}
