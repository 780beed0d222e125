package org.perfect21.agent.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.InstructionTemplates;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code kind: command}: {@code command} is an argv list (each item may use {@code {{params.x}}}),
 * with optional {@code env}, {@code workdir} and {@code maxOutput} (default 1MB of stdout kept).
 * The rendered instruction is written to the program's stdin.
 */
@Component
public class CommandAgentKind implements AgentKind {

    static final DataSize DEFAULT_MAX_OUTPUT = DataSize.ofMegabytes(1);

    private final InstructionTemplates templates;

    public CommandAgentKind(InstructionTemplates templates) {
        this.templates = templates;
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public AgentRunner prepare(AgentDefinition definition, AgentSettings settings) {
        List<Template> argv = new ArrayList<>();
        if (!settings.has("command")) {
            settings.problem("command", "is required for kind command: an argv list such as [git, log, --oneline]");
        } else if (!(settings.values().get("command") instanceof List)) {
            settings.problem("command", "must be a list of arguments such as [git, log, --oneline]; commands never go through a shell");
        } else {
            for (String arg : settings.stringList("command", false)) {
                argv.add(templates.compileSetting(settings, "command", arg));
            }
            if (argv.isEmpty() && settings.problems().isEmpty()) {
                settings.problem("command", "must name at least the program to run");
            }
        }
        Map<String, Template> env = new LinkedHashMap<>();
        settings.stringMap("env").forEach((k, v) -> env.put(k, templates.compileSetting(settings, "env", v)));
        String workdir = settings.string("workdir");
        DataSize maxOutput = settings.dataSize("maxOutput");
        return new CommandAgent(definition.name(), argv, env,
                workdir == null ? null : templates.compileSetting(settings, "workdir", workdir),
                maxOutput == null ? DEFAULT_MAX_OUTPUT : maxOutput);
    }
}
