package org.perfect21.workflow;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;

/**
 * An agent ready to run in a phase: its definition, its kind's runner, its compiled instruction (the user prompt)
 * and its system prompt.
 *
 * @param fingerprint digest of its kind, settings and body (part of its result-cache key)
 * @param fanOut      its {@code forEach} in this phase: it runs once per item; null when it runs once
 */
public record PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction, Template systemPrompt,
                            String fingerprint, FanOut fanOut) {

    public PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction, Template systemPrompt,
                         String fingerprint) {
        this(definition, runner, instruction, systemPrompt, fingerprint, null);
    }

    public PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction, Template systemPrompt) {
        this(definition, runner, instruction, systemPrompt, AgentFingerprint.of(definition));
    }

    /** The same agent running once per item of {@code fanOut}. */
    public PreparedAgent fanningOut(FanOut fanOut) {
        return new PreparedAgent(definition, runner, instruction, systemPrompt, fingerprint, fanOut);
    }


    public String name() {
        return definition.name();
    }
}
