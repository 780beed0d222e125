package org.perfect21.workflow;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;

/** An agent ready to run in a phase: its definition, its kind's runner and its compiled instruction. */
public record PreparedAgent(AgentDefinition definition, AgentRunner runner, Template instruction) {

    public String name() {
        return definition.name();
    }
}
