package org.perfect21.agent.claude;

import java.nio.file.Path;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentSettings;

/** Agent definitions as the loader makes them from a file without {@code kind}, from their keys alone. */
final class ClaudeDefinitions {

    private ClaudeDefinitions() {
    }

    static AgentDefinition definition(AgentSettings settings) {
        Object model = settings.values().get("model");
        return new AgentDefinition("claude-agent", null, null, null, settings.names("tools"),
                model instanceof String name ? name : null, null, null, 0, "", settings, Path.of("claude-agent.md"), 1);
    }
}
