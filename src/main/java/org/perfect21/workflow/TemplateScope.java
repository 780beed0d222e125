package org.perfect21.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.perfect21.agent.TemplateReference;

/**
 * What an instruction template may read in one phase of one workflow, and the names it reads that nothing will
 * ever hold: an undeclared parameter, a phase that is not earlier, an agent not in that phase, a key the scope does
 * not have. Without this check, {@code {{params.featur}}} renders as nothing and the model is asked about nothing.
 */
final class TemplateScope {

    /** An earlier phase: its outputs are in the context under {@code context.phases.<name>.<agent>}. */
    record EarlierPhase(String name, List<String> agents) {
    }

    private static final Set<String> ROOTS = Set.of("params", "run", "workflow", "phase", "agent", "context", "git", "gate");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "run", Set.of("id"),
            "workflow", Set.of("name"),
            "phase", Set.of("name", "index", "iteration"),
            "gate", Set.of("feedback"),
            "agent", Set.of("name"),
            "context", Set.of("text", "entries", "phases", "bytes", "tokens", "evictions", "budgetBytes"),
            "git", Set.of("repository", "branch", "detached", "empty", "head", "shortHead", "status", "clean", "commits",
                    "base", "diffstat"),
            "git.base", Set.of("ref", "id"),
            "git.diffstat", Set.of("files", "filesChanged", "insertions", "deletions"));
    /** The fields of the items of the lists a section may walk. */
    private static final Map<String, Set<String>> ITEMS = Map.of(
            "context.entries", Set.of("phase", "agent", "kind", "content", "bytes", "tokens", "cut"),
            "git.commits", Set.of("id", "shortId", "authorName", "authorEmail", "time", "subject"),
            "git.diffstat.files", Set.of("path", "added", "deleted", "binary"),
            "git.base", Set.of("ref", "id"),
            "git.diffstat", Set.of("files", "filesChanged", "insertions", "deletions"));

    private final String workflow;
    private final Set<String> params;
    private final Map<String, EarlierPhase> earlier;
    private final String phase;
    private final boolean repeated;
    private final boolean items;
    private final Set<String> roots;
    private final String mayRead;

    /** @param repeated whether a gate's repeat may run this phase again (then {@code gate.feedback} may hold text) */
    TemplateScope(String workflow, Set<String> params, List<EarlierPhase> earlier, String phase, boolean repeated) {
        this(workflow, params, earlier, phase, repeated, false, ROOTS,
                "an instruction may read " + String.join(", ", new TreeSet<>(ROOTS)));
    }

    private TemplateScope(String workflow, Set<String> params, List<EarlierPhase> earlier, String phase, boolean repeated,
                          boolean items, Set<String> roots, String mayRead) {
        this.repeated = repeated;
        this.items = items;
        this.workflow = workflow;
        this.params = params;
        this.earlier = new LinkedHashMap<>();
        earlier.forEach(p -> this.earlier.put(p.name(), p));
        this.phase = phase;
        this.roots = roots;
        this.mayRead = mayRead;
    }

    /** The scope of an auto phase's task: it is rendered when the run is planned, when only the parameters are known. */
    static TemplateScope ofTask(String workflow, Set<String> params) {
        return new TemplateScope(workflow, params, List.of(), null, false, false, Set.of("params"),
                "the task of an auto phase may read only params: it is rendered when the run is planned");
    }

    /** The scope of an agent that fans out: it also holds {@code item} (any JSON value) and {@code index}. */
    TemplateScope withItems() {
        return new TemplateScope(workflow, params, List.copyOf(earlier.values()), phase, repeated, true, roots, mayRead);
    }

    /** Reports each name {@code template} reads that the scope will not hold, at its line in the file. */
    void check(LocatedTemplate template, DefinitionProblems problems) {
        for (TemplateReference reference : template.references()) {
            String problem = problem(reference);
            if (problem != null) {
                problems.add(template.file(), template.fileLine(reference.line()), template.field(),
                        "{{" + reference.name() + "}} (column " + reference.column() + "): " + problem);
            }
        }
    }

    /** Why nothing will hold the name, or null when something will. */
    String problem(TemplateReference reference) {
        String name = reference.name();
        if (name.equals(".") || name.equals("this")) {
            return null;
        }
        String[] parts = name.split("\\.");
        if (parts[0].equals("item") || parts[0].equals("index")) {
            return items ? null : "'" + parts[0] + "' is set only for an agent with forEach (this one has none)";
        }
        if (!reference.sections().isEmpty() && !roots.contains(parts[0])) {
            // Inside a section a name may be a field of the item it walks.
            for (String section : reference.sections()) {
                if (ITEMS.getOrDefault(section, Set.of()).contains(parts[0])) {
                    return null;
                }
            }
        }
        if (!roots.contains(parts[0])) {
            return "unknown name '" + parts[0] + "' (" + mayRead + withinSection(reference) + ")";
        }
        if (parts[0].equals("gate") && !repeated) {
            return "'gate' holds a failed gate's feedback only in the phases a gate's onFail: {repeat: ...} runs again,"
                    + " and no gate repeats phase '" + phase + "'";
        }
        if (parts.length == 1) {
            return null;
        }
        return switch (parts[0]) {
            case "params" -> params.contains(parts[1]) ? null : "workflow '" + workflow + "' declares no parameter '" + parts[1]
                    + "'" + (params.isEmpty() ? " (it declares none)" : " (declared: " + String.join(", ", new TreeSet<>(params)) + ")");
            case "context" -> parts[1].equals("phases") ? contextPhase(parts) : field("context", parts[1]);
            case "git" -> parts.length > 2 && FIELDS.containsKey("git." + parts[1]) ? field("git." + parts[1], parts[2])
                    : field("git", parts[1]);
            default -> field(parts[0], parts[1]);
        };
    }

    private String contextPhase(String[] parts) {
        if (parts.length < 3) {
            return null;
        }
        String named = parts[2];
        EarlierPhase earlierPhase = earlier.get(named);
        if (earlierPhase == null) {
            if (named.equals(phase)) {
                return "'" + named + "' is this phase: its outputs reach the context after it";
            }
            return "no earlier phase '" + named + "' in workflow '" + workflow + "'" + (earlier.isEmpty() ? " (this is its first phase)"
                    : " (earlier: " + String.join(", ", earlier.keySet()) + ")");
        }
        if (parts.length > 3 && !earlierPhase.agents().contains(parts[3])) {
            return "phase '" + named + "' has no agent '" + parts[3] + "' (its agents: " + String.join(", ", earlierPhase.agents()) + ")";
        }
        return null;
    }

    private static String field(String of, String key) {
        Set<String> known = FIELDS.get(of);
        if (known == null || known.contains(key)) {
            return null;
        }
        return "'" + of + "' has no '" + key + "' (it has " + String.join(", ", new TreeSet<>(known)) + ")";
    }

    private static String withinSection(TemplateReference reference) {
        List<String> fields = new ArrayList<>();
        for (String section : reference.sections()) {
            Set<String> item = ITEMS.get(section);
            if (item != null) {
                fields.add("the fields of " + section + ": " + String.join(", ", new TreeSet<>(item)));
            }
        }
        return fields.isEmpty() ? "" : ", and " + String.join("; ", fields);
    }
}
