package org.perfect21.execution.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.execution.live.RunPlan;
import org.perfect21.workflow.FanOut;
import org.perfect21.workflow.PreparedAgent;

/**
 * Expands a phase's agents with a {@code forEach} into one instance per item when the phase starts: the template is
 * rendered with what the phase's instructions see, and each instance, named {@code <agent>[<index>]}, renders its
 * instruction, system prompt and settings with {@code item} and {@code index} as well. Every other part of the engine
 * takes an instance for an agent like any other.
 */
public final class FanOutInstances {

    private FanOutInstances() {
    }

    /**
     * The phase's agents with each forEach expanded, in the order written.
     *
     * @throws FanOut.FanOutException when a forEach renders neither a JSON array nor lines, or more than its maxItems
     */
    public static List<PreparedAgent> expand(RunPlan plan, int phaseIndex, int iteration, String feedback) {
        Map<String, Object> scope = new InstructionScope(plan, phaseIndex, iteration, feedback).phaseScope();
        List<PreparedAgent> instances = new ArrayList<>();
        for (PreparedAgent agent : plan.workflow().phases().get(phaseIndex).agents()) {
            if (agent.fanOut() == null) {
                instances.add(agent);
                continue;
            }
            List<Object> items = agent.fanOut().itemsOf(agent.fanOut().items().render(scope));
            for (int index = 0; index < items.size(); index++) {
                instances.add(instance(agent, items.get(index), index));
            }
        }
        return instances;
    }

    private static PreparedAgent instance(PreparedAgent agent, Object item, int index) {
        Map<String, Object> itemScope = Map.of("item", item, "index", index);
        AgentRunner runner = call -> agent.runner().start(call.withItem(itemScope));
        return new PreparedAgent(agent.definition().named(agent.name() + "[" + index + "]"), runner,
                withItem(agent.instruction(), itemScope), withItem(agent.systemPrompt(), itemScope), agent.fingerprint());
    }

    private static Template withItem(Template template, Map<String, Object> itemScope) {
        return scope -> {
            Map<String, Object> withItem = new HashMap<>(scope);
            withItem.putAll(itemScope);
            return template.render(withItem);
        };
    }
}
