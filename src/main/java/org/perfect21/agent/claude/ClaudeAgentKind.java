package org.perfect21.agent.claude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.InstructionTemplates;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.RunWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kind: claude}, the kind of every agent file that names none: a Claude Code subagent run by the real CLI.
 * Its keys are Claude Code's ({@code model}, {@code tools}, {@code disallowedTools}, {@code maxTurns},
 * {@code permissionMode}) and Perfect21's ({@code systemPrompt: append|replace}, {@code env}, {@code workdir}).
 * Preparing checks them and never runs the CLI, so definitions validate on a machine without it.
 */
@Component
public class ClaudeAgentKind implements AgentKind {

    private final InstructionTemplates templates;
    private final ClaudeSetup setup;

    @Autowired
    public ClaudeAgentKind(InstructionTemplates templates, ClaudeProperties properties, RunWorkspaces workspaces,
                           JsonMapper json) {
        this(templates, new ClaudeSetup(properties, System.getenv(), workspaces, json));
    }

    ClaudeAgentKind(InstructionTemplates templates, ClaudeSetup setup) {
        this.templates = templates;
        this.setup = setup;
    }

    @Override
    public String name() {
        return AgentDefinition.DEFAULT_KIND;
    }

    @Override
    public AgentRunner prepare(AgentDefinition definition, AgentSettings settings) {
        ClaudeFlags flags = new ClaudeFlags(model(definition, settings), definition.tools(),
                settings.names("disallowedTools"), settings.integer("maxTurns", 1, 100_000),
                permissionMode(settings), replacesSystemPrompt(settings));
        Map<String, Template> env = new LinkedHashMap<>();
        settings.stringMap("env").forEach((k, v) -> env.put(k, templates.compileSetting(settings, "env", v)));
        String workdir = settings.string("workdir");
        return new ClaudeAgent(definition.name(), flags, env,
                workdir == null ? null : templates.compileSetting(settings, "workdir", workdir), setup);
    }

    /** The {@code --model} value: null for {@code inherit} or none (the CLI's default model). */
    private static String model(AgentDefinition definition, AgentSettings settings) {
        Object value = settings.values().get("model");
        if (value == null || value instanceof Map || value instanceof List) {
            // None, or already reported as not a single value.
            return null;
        }
        if (!(value instanceof String model) || model.isBlank() || model.chars().anyMatch(Character::isWhitespace)) {
            settings.problem("model", "'" + value + "' is not a model: write sonnet, opus, haiku, inherit or a full model id");
            return null;
        }
        return "inherit".equals(definition.model()) ? null : definition.model();
    }

    private String permissionMode(AgentSettings settings) {
        String mode = settings.string("permissionMode");
        if (mode == null) {
            return setup.properties().permissionMode();
        }
        if (!ClaudeFlags.PERMISSION_MODES.contains(mode)) {
            settings.problem("permissionMode", "'" + mode + "' is not a permission mode of Claude Code ("
                    + String.join(", ", ClaudeFlags.PERMISSION_MODES) + ")");
        }
        return mode;
    }

    private static boolean replacesSystemPrompt(AgentSettings settings) {
        String mode = settings.string("systemPrompt");
        if (mode != null && !mode.equals("append") && !mode.equals("replace")) {
            settings.problem("systemPrompt", "'" + mode + "' is neither append (the body is added to Claude Code's"
                    + " system prompt, the default) nor replace (the body is the whole system prompt)");
        }
        return "replace".equals(mode);
    }
}
