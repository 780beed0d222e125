package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfect21.agent.InstructionTemplates.Template;

/**
 * Reads a phase's {@code agents: {auto: ...}}: the task, the pool it chooses from, the counts, the agents always chosen
 * and the workflow's own complexity rules; every name is checked against the library and the pool against the counts.
 */
final class AutoSelectionReader {

    private static final Set<String> AUTO_KEYS = Set.of("task", "from", "counts", "always", "rules");
    private static final Set<String> COUNT_KEYS = Set.of("simple", "standard", "complex");
    private static final Set<String> RULE_KEYS = Set.of("complex", "simple");

    private final AgentDefinitionReader agents;

    AutoSelectionReader(AgentDefinitionReader agents) {
        this.agents = agents;
    }

    /** Whether a phase's {@code agents} is the {@code auto} mapping rather than a list. */
    static boolean isAuto(YamlNode agentsNode) {
        return agentsNode != null && agentsNode.isMap() && agentsNode.map().containsKey("auto");
    }

    /**
     * The phase's selection, or null when it has problems (each recorded). The candidates' templates go to
     * {@code templates}, to be checked in the phase's scope; the task is checked in {@code taskScope}.
     *
     * @param field the field of the {@code agents} key, e.g. {@code phases[0].agents}
     */
    AutoSelection read(Path file, String field, YamlNode agentsNode, Map<String, AgentDefinitionReader.LoadedAgent> library,
                       Template phaseInstruction, List<LocatedTemplate> templates, TemplateScope taskScope,
                       DefinitionProblems problems) {
        int before = problems.count();
        YamlFields.unknownKeys(file, field + ".", agentsNode.map(), Set.of("auto"), problems);
        String autoField = field + ".auto";
        YamlNode node = agentsNode.map().get("auto");
        if (!node.isMap()) {
            problems.add(file, node.line(), autoField, "must be a mapping {task, from, counts, always, rules}");
            return null;
        }
        Map<String, YamlNode> keys = node.map();
        // Where the auto key is: a mapping's own line is that of its first key.
        YamlNode at = new YamlNode(null, agentsNode.line());
        if (keys.containsKey("forEach")) {
            // An auto phase chooses whole agents; an agent that runs once per item is listed in a phase of its own.
            problems.add(file, keys.get("forEach").line(), autoField + ".forEach", "forEach cannot be combined with auto: an"
                    + " auto phase chooses whole agents; list an agent with forEach in a phase of its own");
        }
        // forEach has its own message above, not that of an unknown key.
        Map<String, YamlNode> others = new java.util.LinkedHashMap<>(keys);
        others.remove("forEach");
        YamlFields.unknownKeys(file, autoField + ".", others, AUTO_KEYS, problems);
        Template task = task(file, autoField + ".task", at, keys.get("task"), taskScope, problems);
        AutoSelection.From from = AutoPoolReader.from(file, autoField + ".from", keys.get("from"), library, problems);
        List<String> always = AutoPoolReader.names(file, autoField + ".always", keys.get("always"), library, problems);
        AutoSelection.Counts counts = counts(file, autoField + ".counts", keys.get("counts"), problems);
        AutoSelection.Rules rules = rules(file, autoField + ".rules", keys.get("rules"), problems);
        if (problems.count() > before) {
            return null;
        }
        List<PreparedAgent> candidates = new ArrayList<>();
        Set<String> pool = AutoPoolReader.pool(from, library);
        library.forEach((name, loaded) -> {
            // An agent whose kind is unknown has a problem of its own.
            if ((pool.contains(name) || always.contains(name)) && loaded.runner() != null) {
                candidates.add(WorkflowFileReader.prepare(loaded, phaseInstruction, templates));
            }
        });
        if (pool.isEmpty()) {
            problems.add(file, keys.getOrDefault("from", at).line(), autoField + ".from", library.isEmpty()
                    ? "the agent library is empty: an auto phase chooses from its agents" : "the pool is empty");
            return null;
        }
        checkSizes(file, autoField, keys, at, counts, always, candidates.size(), problems);
        String taskText = keys.get("task").text();
        return problems.count() > before ? null
                : new AutoSelection(task, taskText, from, counts, List.copyOf(always), rules, List.copyOf(candidates));
    }

    private Template task(Path file, String field, YamlNode auto, YamlNode node, TemplateScope scope, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            problems.add(file, auto.line(), field, "the text to classify and rank by is required, e.g. task: \"{{params.task}}\"");
            return null;
        }
        String text = YamlFields.scalar(file, field, node, problems);
        if (text == null) {
            return null;
        }
        Template task = agents.compileAt(text, file, node.line(), node.block(), field, problems);
        if (task instanceof LocatedTemplate located) {
            scope.check(located, problems);
        }
        return task;
    }

    private static AutoSelection.Counts counts(Path file, String field, YamlNode node, DefinitionProblems problems) {
        AutoSelection.Counts defaults = AutoSelection.Counts.DEFAULTS;
        if (node == null || node.value() == null) {
            return defaults;
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), field, "must be a mapping {simple: 4, standard: 6, complex: 8}");
            return defaults;
        }
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, field + ".", keys, COUNT_KEYS, problems);
        Long simple = YamlFields.positive(file, field + ".simple", keys.get("simple"), problems);
        Long standard = YamlFields.positive(file, field + ".standard", keys.get("standard"), problems);
        Long complex = YamlFields.positive(file, field + ".complex", keys.get("complex"), problems);
        return new AutoSelection.Counts(simple == null ? defaults.simple() : simple.intValue(),
                standard == null ? defaults.standard() : standard.intValue(), complex == null ? defaults.complex() : complex.intValue());
    }

    private static AutoSelection.Rules rules(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return AutoSelection.Rules.NONE;
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), field, "must be a mapping {complex: [keywords], simple: [keywords]}");
            return AutoSelection.Rules.NONE;
        }
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, field + ".", keys, RULE_KEYS, problems);
        return new AutoSelection.Rules(keywords(file, field + ".complex", keys.get("complex"), problems),
                keywords(file, field + ".simple", keys.get("simple"), problems));
    }

    /** A level's keywords: null when not given (the configured ones apply), empty for {@code []} (none). */
    private static List<String> keywords(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null) {
            return null;
        }
        if (!node.isList()) {
            problems.add(file, node.line(), field, "must be a list of keywords, e.g. [migrate, refactor]");
            return null;
        }
        List<String> keywords = new ArrayList<>();
        for (YamlNode item : node.list()) {
            if (!item.isScalar() || item.value() == null || item.text().isBlank()) {
                problems.add(file, item.line(), field, "a keyword must be a word or words, e.g. migrate or fix bug");
            } else {
                keywords.add(item.text().strip());
            }
        }
        return List.copyOf(keywords);
    }

    private static void checkSizes(Path file, String field, Map<String, YamlNode> keys, YamlNode auto, AutoSelection.Counts counts,
                                   List<String> always, int candidates, DefinitionProblems problems) {
        if (candidates < counts.largest()) {
            YamlNode at = keys.getOrDefault("counts", keys.getOrDefault("from", auto));
            problems.add(file, at.line(), field + ".counts", "the largest count is " + counts.largest() + " (counts: simple "
                    + counts.simple() + ", standard " + counts.standard() + ", complex " + counts.complex() + ") but the pool"
                    + " and always hold only " + candidates + " agent" + (candidates == 1 ? "" : "s"));
        }
        if (always.size() > counts.smallest()) {
            problems.add(file, keys.get("always").line(), field + ".always", "names " + always.size() + " agents, more than the"
                    + " smallest count " + counts.smallest() + " (always agents count toward the total)");
        }
    }
}
