package org.perfect21.api;

import java.util.List;

import org.perfect21.workflow.AutoSelection;
import org.perfect21.workflow.DurationText;
import org.perfect21.workflow.GateCheck;
import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.ParameterDefinition;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.WorkflowDefinition;

/** A workflow definition as the API shows it. */
record WorkflowView(String name, String description, List<Parameter> parameters, List<Phase> phases) {

    /** A launch parameter: its type, whether it is required, its default. */
    record Parameter(String name, String type, boolean required, Object defaultValue, String description) {
    }

    /**
     * A phase: its agents, how many run at once, its timeout and gate; an auto phase has no agents until a run chooses
     * them (and so no required count), and shows how it chooses.
     */
    record Phase(String name, List<String> agents, int parallelism, String timeout, String minSuccess, Integer requiredSuccesses,
                 Gate gate, Auto auto) {
    }

    /**
     * A phase's gate beyond minSuccess: agents that must complete, checks as written, and what a failure does.
     *
     * @param onFail stop, continue or repeat
     * @param repeat with repeat: the phase that runs again and how many times at most; null otherwise
     */
    record Gate(List<String> require, List<String> expect, String onFail, Repeat repeat) {
    }

    record Repeat(String phase, int times) {
    }

    /**
     * An auto phase's {@code agents: {auto: ...}} as written: the task template, the pool ({@code from}: a category or
     * agent names; null for the whole library), the counts (defaults filled in), the agents always chosen and the
     * workflow's own complexity keywords (null where it keeps the configured ones).
     */
    record Auto(String task, From from, AutoSelection.Counts counts, List<String> always, AutoSelection.Rules rules) {
    }

    /** The pool: a category, or agent names (the other one null). */
    record From(String category, List<String> agents) {
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
        GateDefinition.Repeat repeat = p.gate().repeat();
        Gate gate = p.gate().isNone() ? null : new Gate(p.gate().require(),
                p.gate().expect().stream().map(GateCheck::describe).toList(), p.gate().onFail().name().toLowerCase(java.util.Locale.ROOT),
                repeat == null ? null : new Repeat(repeat.phase(), repeat.times()));
        return new Phase(p.name(), p.agents().stream().map(a -> a.name()).toList(), p.parallelism(),
                p.timeout() == null ? null : DurationText.of(p.timeout()), String.valueOf(p.minSuccess()),
                p.isAuto() ? null : p.requiredSuccesses(), gate, p.isAuto() ? auto(p.auto()) : null);
    }

    private static Auto auto(AutoSelection auto) {
        AutoSelection.From from = auto.from();
        From pool = from.isLibrary() ? null
                : from.category() != null ? new From(from.category(), null) : new From(null, from.agents());
        AutoSelection.Rules rules = auto.rules().equals(AutoSelection.Rules.NONE) ? null : auto.rules();
        return new Auto(auto.taskText(), pool, auto.counts(), auto.always(), rules);
    }
}
