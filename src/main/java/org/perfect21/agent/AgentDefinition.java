package org.perfect21.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An agent as written in a Claude Code subagent file or inline in a workflow.
 *
 * @param name        unique name (defaults to the file name)
 * @param kind        the kind key, or null when the file names none (Claude Code files)
 * @param description what the agent is for
 * @param category    optional grouping
 * @param tools       tools it may use ({@code tools} as a list or a comma-separated string)
 * @param model       model alias, if any
 * @param color       display colour, if any
 * @param timeout     per-attempt timeout, or null for the platform default
 * @param retries     extra attempts after a failure
 * @param body        the instruction template (the Markdown body)
 * @param settings    every key of the definition, known or not, with line numbers
 * @param source      the file it came from
 * @param line        the line it starts on in that file
 * @param cache       whether its results may come from the result cache
 */
public record AgentDefinition(
        String name, String kind, String description, String category, List<String> tools,
        String model, String color, Duration timeout, int retries, String body,
        AgentSettings settings, Path source, int line, CachePolicy cache) {

    public AgentDefinition(String name, String kind, String description, String category, List<String> tools,
                           String model, String color, Duration timeout, int retries, String body,
                           AgentSettings settings, Path source, int line) {
        this(name, kind, description, category, tools, model, color, timeout, retries, body, settings, source, line,
                CachePolicy.NONE);
    }

    /** The kind an agent has when its file names none: the Claude Code subagent it was written as. */
    public static final String DEFAULT_KIND = "claude";

    /** The same agent under another name (an instance of a forEach, {@code <agent>[<index>]}). */
    public AgentDefinition named(String other) {
        return new AgentDefinition(other, kind, description, category, tools, model, color, timeout, retries, body, settings,
                source, line, cache);
    }

    public String effectiveKind() {
        return kind == null ? DEFAULT_KIND : kind;
    }
}
