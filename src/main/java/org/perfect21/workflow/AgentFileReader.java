package org.perfect21.workflow;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an agent file in Claude Code's subagent format: a {@code ---} fenced YAML front matter,
 * then the Markdown body. A Markdown file with no front matter (a README) is skipped with a warning.
 */
final class AgentFileReader {

    private final AgentDefinitionReader agents;

    AgentFileReader(AgentDefinitionReader agents) {
        this.agents = agents;
    }

    Optional<AgentDefinitionReader.LoadedAgent> read(Path file, DefinitionProblems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file, null, null, "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problems.warn(file + ": no front matter (a '---' first line); skipped, not an agent");
            return Optional.empty();
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(file, 1, null, "front matter opened with '---' is never closed by a second '---' line");
            return Optional.empty();
        }
        String frontMatter = String.join("\n", lines.subList(1, close));
        int first = close + 1;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String body = String.join("\n", lines.subList(first, lines.size())).stripTrailing();
        int bodyLine = first + 1;
        YamlNode root;
        try {
            root = YamlNode.parse(new StringReader(frontMatter));
        } catch (YamlNode.YamlSyntaxException e) {
            problems.add(file, e.line > 0 ? e.line + 1 : null, "front matter", e.getMessage());
            return Optional.empty();
        }
        if (root.value() == null) {
            problems.add(file, 2, "front matter", "is empty: an agent needs at least a description");
            return Optional.empty();
        }
        if (!root.isMap()) {
            problems.add(file, root.line() + 1, "front matter", "must be a mapping of keys (name, description, ...)");
            return Optional.empty();
        }
        var keys = new java.util.LinkedHashMap<String, YamlNode>();
        root.map().forEach((k, v) -> keys.put(k, shift(v, 1)));
        String defaultName = file.getFileName().toString().replaceFirst("\\.md$", "");
        return Optional.of(agents.read(keys, defaultName, body, bodyLine, file, 1, "", problems));
    }

    /** Moves a node's lines from front-matter lines to file lines. */
    static YamlNode shift(YamlNode node, int offset) {
        Object value = node.value();
        if (node.isMap()) {
            var shifted = new java.util.LinkedHashMap<String, YamlNode>();
            node.map().forEach((k, v) -> shifted.put(k, shift(v, offset)));
            value = shifted;
        } else if (node.isList()) {
            value = node.list().stream().map(n -> shift(n, offset)).toList();
        }
        return new YamlNode(value, node.line() + offset, node.block());
    }
}
