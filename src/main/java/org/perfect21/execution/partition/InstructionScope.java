package org.perfect21.execution.partition;

import java.util.HashMap;
import java.util.Map;

import org.perfect21.context.ContextView;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;

/**
 * What an agent's instruction template (and a {@code template: true} body) sees: parameters, run, workflow, phase, agent, the context of earlier
 * phases ({@code context}), the latest git snapshot in it ({@code git}) and, when a failed gate sent the work back,
 * what it found ({@code gate.feedback}). The phase's part is built once per
 * partition: the context's text may be large and is the same for every agent.
 */
final class InstructionScope {

    private final Map<String, Object> phaseScope;

    InstructionScope(RunPlan plan, int phaseIndex, int iteration, String feedback) {
        PhaseDefinition phase = plan.workflow().phases().get(phaseIndex);
        ContextView context = plan.context().view();
        this.phaseScope = Map.of("params", plan.params(), "run", Map.of("id", plan.runId()),
                "workflow", Map.of("name", plan.workflow().name()),
                "phase", Map.of("name", phase.name(), "index", phaseIndex, "iteration", iteration),
                "context", context.scope(), "git", context.git(), "gate", Map.of("feedback", feedback));
    }

    /** What every agent of the phase sees (a forEach is rendered with it). */
    Map<String, Object> phaseScope() {
        return phaseScope;
    }

    /** What an agent is told: rendered once for all its attempts. */
    record Prompt(String instruction, String system) {
    }

    /** The agent's instruction and system prompt (verbatim unless the agent says {@code template: true}). */
    Prompt render(PreparedAgent agent) {
        Map<String, Object> scope = new HashMap<>(phaseScope);
        scope.put("agent", Map.of("name", agent.name()));
        return new Prompt(agent.instruction().render(scope), agent.systemPrompt().render(scope));
    }
}
