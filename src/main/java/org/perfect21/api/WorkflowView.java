package org.perfect21.api;

import java.util.List;

import org.perfect21.workflow.ParameterDefinition;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.WorkflowDefinition;

/** A workflow definition as the API shows it. */
record WorkflowView(String name, String description, List<Parameter> parameters, List<Phase> phases) {

    /** A launch parameter: its type, whether it is required, its default. */
    record Parameter(String name, String type, boolean required, Object defaultValue, String description) {
    }

    /** A phase: its agents, how many run at once, its timeout and gate. */
    record Phase(String name, List<String> agents, int parallelism, String timeout, String minSuccess, int requiredSuccesses) {
    }

    static WorkflowView of(WorkflowDefinition workflow) {
        return new WorkflowView(workflow.name(), workflow.description(),
                workflow.parameters().stream().map(WorkflowView::parameter).toList(),
                workflow.phases().stream().map(WorkflowView::phase).toList());
    }

    private static Parameter parameter(ParameterDefinition p) {
        return new Parameter(p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.required(), p.defaultValue(),
                p.description());
    }

    private static Phase phase(PhaseDefinition p) {
        return new Phase(p.name(), p.agents().stream().map(a -> a.name()).toList(), p.parallelism(),
                p.timeout() == null ? null : p.timeout().toString(), String.valueOf(p.minSuccess()), p.requiredSuccesses());
    }
}
