package org.perfect21.workflow;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;

/**
 * An agent ready to run in a phase: its definition, its kind's runner, its compiled instruction (the user prompt)
 * and its system prompt.
 *
 * @param fingerprint digest of its kind, settings and body (part of its result-cache key)
 */
public record PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction, Template systemPrompt,
                            String fingerprint) {

    public PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction, Template systemPrompt) {
        this(definition, runner, instruction, systemPrompt, AgentFingerprint.of(definition));
    }


    public String name() {
        return definition.name();
    }
}
