package org.perfect21.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentKinds;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.CachePolicy;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.InstructionTemplates;

/**
 * Turns the keys of an agent (front matter or an inline map in a workflow) into a definition and,
 * when its kind is available, a prepared runner. Unknown keys are kept, as Claude Code files carry
 * keys of their own.
 */
final class AgentDefinitionReader {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final AgentKinds kinds;
    private final InstructionTemplates templates;

    AgentDefinitionReader(AgentKinds kinds, InstructionTemplates templates) {
        this.kinds = kinds;
        this.templates = templates;
    }

    /**
     * An agent read from a file or inline; {@code runner} is null when its kind is unknown (a problem says so).
     *
     * @param systemPrompt its body: verbatim, or compiled when it says {@code template: true}
     * @param instruction  its {@code instruction} key compiled, or null when it has none
     */
    record LoadedAgent(AgentDefinition definition, AgentRunner runner, Template systemPrompt, Template instruction) {
    }

    /**
     * @param keys        the agent's keys with lines (already offset to file lines)
     * @param body        the Markdown body (empty for an inline agent)
     * @param bodyLine    the file line the body starts on
     * @param fieldPrefix prefix for field names in problems, e.g. {@code phases[0].agents[2].}
     */
    LoadedAgent read(Map<String, YamlNode> keys, String defaultName, String body, int bodyLine, Path file, int line,
                     String fieldPrefix, DefinitionProblems problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        keys.forEach((k, v) -> {
            values.put(k, v.plain());
            lines.put(k, v.line());
        });
        AgentSettings settings = new AgentSettings(values, lines);
        String name = settings.has("name") ? settings.string("name") : defaultName;
        if (name == null || !NAME.matcher(name).matches()) {
            settings.problem("name", name == null ? "is required"
                    : "'" + name + "' is not a valid name (letters, digits, '.', '_', '-'; at most 200)");
        }
        String kind = settings.string("kind");
        // A file without kind is the Claude Code subagent it was written as.
        String kindName = kind == null ? AgentDefinition.DEFAULT_KIND : kind;
        AgentKind agentKind = kinds.find(kindName).orElse(null);
        if (agentKind == null) {
            settings.problem("kind", "unknown kind '" + kindName + "' (available: " + kinds.available() + ")");
        }
        Duration timeout = settings.duration("timeout");
        if (timeout != null && timeout.isZero()) {
            settings.problem("timeout", "must be more than zero");
        }
        Long retries = settings.integer("retries", 0, 100);
        CachePolicy cache = cachePolicy(settings);
        AgentDefinition definition = new AgentDefinition(name, kind, settings.string("description"),
                settings.string("category"), settings.names("tools"), settings.string("model"),
                settings.string("color"), timeout, retries == null ? 0 : retries.intValue(),
                body, settings, file, line, cache);
        AgentRunner runner = agentKind == null ? null : agentKind.prepare(definition, settings);
        // A system prompt is text for the model: real ones quote Handlebars, Jinja and Mustache, so only an agent
        // that asks for it has its body rendered.
        Template systemPrompt = settings.bool("template")
                ? compileAt(body, file, bodyLine, false, fieldPrefix + "body", problems)
                : scope -> body;
        Template instruction = null;
        YamlNode instructionNode = keys.get("instruction");
        if (instructionNode != null && instructionNode.value() != null) {
            if (!instructionNode.isScalar()) {
                settings.problem("instruction", "must be text (a template), not " + (instructionNode.isMap() ? "a mapping" : "a list"));
            } else {
                instruction = compileAt(instructionNode.text(), file, instructionNode.line(), instructionNode.block(),
                        fieldPrefix + "instruction", problems);
            }
        }
        problems.addAll(file, fieldPrefix, settings);
        return new LoadedAgent(definition, runner, systemPrompt, instruction);
    }

    /**
     * Compiles a template found in a file from {@code firstLine} ({@code block}: a YAML block scalar, whose text
     * starts on the line after its key); a malformed one is a problem at its real line and column. Agents' and
     * phases' instructions both go through here.
     */
    Template compileAt(String text, Path file, int firstLine, boolean block, String field,
                               DefinitionProblems problems) {
        try {
            return new LocatedTemplate(templates.compile(field, text), file, firstLine, block, field);
        } catch (InstructionTemplates.TemplateSyntaxException e) {
            problems.add(file, LocatedTemplate.fileLine(firstLine, block, e.line()), field,
                    e.getMessage() + " (column " + e.column() + ")");
            return scope -> text;
        } catch (IllegalArgumentException e) {
            problems.add(file, firstLine, field, e.getMessage());
            return scope -> text;
        }
    }

    private static CachePolicy cachePolicy(AgentSettings settings) {
        boolean enabled = settings.bool("cache");
        Duration ttl = settings.duration("ttl");
        if (ttl != null && ttl.isZero()) {
            settings.problem("ttl", "must be more than zero");
            ttl = null;
        }
        if (ttl != null && !enabled) {
            settings.problem("ttl", "applies only to cached agents: add 'cache: true', or remove 'ttl'");
        }
        return enabled ? new CachePolicy(true, ttl) : CachePolicy.NONE;
    }
}
