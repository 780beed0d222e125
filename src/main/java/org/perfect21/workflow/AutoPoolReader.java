package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads where an auto phase's candidates come from ({@code from}) and the agents it names ({@code from}, {@code always}). */
final class AutoPoolReader {

    private AutoPoolReader() {
    }

    static AutoSelection.From from(Path file, String field, YamlNode node, Map<String, AgentDefinitionReader.LoadedAgent> library,
                                   DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return AutoSelection.From.LIBRARY;
        }
        if (node.isList()) {
            if (node.list().isEmpty()) {
                problems.add(file, node.line(), field, "the pool is empty: name at least one agent, or a category");
                return AutoSelection.From.LIBRARY;
            }
            return new AutoSelection.From(null, List.copyOf(names(file, field, node, library, problems)));
        }
        if (!node.isMap() || !node.map().containsKey("category")) {
            problems.add(file, node.line(), field, "must be {category: <name>} or a list of agent names");
            return AutoSelection.From.LIBRARY;
        }
        YamlFields.unknownKeys(file, field + ".", node.map(), Set.of("category"), problems);
        YamlNode categoryNode = node.map().get("category");
        String category = YamlFields.scalar(file, field + ".category", categoryNode, problems);
        if (category == null) {
            return AutoSelection.From.LIBRARY;
        }
        AutoSelection.From from = new AutoSelection.From(category, List.of());
        if (pool(from, library).isEmpty()) {
            Set<String> known = new TreeSet<>();
            library.values().forEach(agent -> {
                if (agent.definition().category() != null) {
                    known.add(agent.definition().category());
                }
            });
            problems.add(file, categoryNode.line(), field + ".category", "no agent of the library has category '" + category
                    + "', so the pool is empty (" + (known.isEmpty() ? "no agent has a category" : "categories: "
                    + String.join(", ", known)) + ")");
        }
        return from;
    }

    /** Agent names of the library, each once: a list, or one name. */
    static List<String> names(Path file, String field, YamlNode node, Map<String, AgentDefinitionReader.LoadedAgent> library,
                              DefinitionProblems problems) {
        Set<String> names = new LinkedHashSet<>();
        if (node == null || node.value() == null) {
            return List.of();
        }
        List<YamlNode> items = node.isList() ? node.list() : node.isScalar() ? List.of(node) : null;
        if (items == null) {
            problems.add(file, node.line(), field, "must be a list of agent names of the library");
            return List.of();
        }
        for (YamlNode item : items) {
            String name = item.isScalar() && item.value() != null ? item.text() : null;
            if (name == null) {
                problems.add(file, item.line(), field, "must be an agent name of the library");
            } else if (!library.containsKey(name)) {
                problems.add(file, item.line(), field, "unknown agent '" + name + "': no file in the agent library has this name");
            } else if (!names.add(name)) {
                problems.add(file, item.line(), field, "'" + name + "' is named twice");
            }
        }
        return List.copyOf(names);
    }

    /** The names of the library agents {@code from} takes. */
    static Set<String> pool(AutoSelection.From from, Map<String, AgentDefinitionReader.LoadedAgent> library) {
        Set<String> pool = new LinkedHashSet<>();
        library.forEach((name, loaded) -> {
            boolean in = from.isLibrary() || from.agents().contains(name)
                    || (from.category() != null && from.category().equalsIgnoreCase(loaded.definition().category()));
            if (in) {
                pool.add(name);
            }
        });
        return pool;
    }
}
