package org.perfect21.workflow;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;

/**
 * An agent ready to run in a phase: its definition, its kind's runner and its compiled instruction.
 *
 * @param fingerprint digest of its kind, settings and body (part of its result-cache key)
 */
public record PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction, String fingerprint) {

    public PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction) {
        this(definition, runner, instruction, AgentFingerprint.of(definition));
    }

    public String name() {
        return definition.name();
    }
}
