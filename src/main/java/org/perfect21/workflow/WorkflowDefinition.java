package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;

/**
 * A workflow as loaded and validated: parameters and phases, every agent prepared.
 *
 * @param schedule when it runs by itself, or null
 * @param context  its context budget; never null ({@link ContextLimits#DEFAULTS} when it sets none)
 * @param limits   what a run may use; never null ({@link UsageLimits#NONE} when it sets none)
 */
public record WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                                 List<PhaseDefinition> phases, Path source, ScheduleDefinition schedule,
                                 ContextLimits context, UsageLimits limits) {

    public WorkflowDefinition {
        context = context == null ? ContextLimits.DEFAULTS : context;
        limits = limits == null ? UsageLimits.NONE : limits;
    }

    public WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                              List<PhaseDefinition> phases, Path source, ScheduleDefinition schedule,
                              ContextLimits context) {
        this(name, description, parameters, phases, source, schedule, context, UsageLimits.NONE);
    }

    public WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                              List<PhaseDefinition> phases, Path source, ScheduleDefinition schedule) {
        this(name, description, parameters, phases, source, schedule, ContextLimits.DEFAULTS);
    }

    public WorkflowDefinition(String name, String description, List<ParameterDefinition> parameters,
                              List<PhaseDefinition> phases, Path source) {
        this(name, description, parameters, phases, source, null);
    }

    /** The same workflow with other phases (a run's plan replaces its auto phases by the agents it chose). */
    public WorkflowDefinition withPhases(List<PhaseDefinition> replaced) {
        return new WorkflowDefinition(name, description, parameters, List.copyOf(replaced), source, schedule, context, limits);
    }
}
