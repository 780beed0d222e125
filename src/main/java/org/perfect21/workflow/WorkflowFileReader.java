package org.perfect21.workflow;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.InstructionTemplates.Template;
import org.springframework.util.unit.DataSize;

/** Reads a workflow file: parameters and phases, resolving each phase's agents against the library. */
final class WorkflowFileReader {

    private static final Set<String> WORKFLOW_KEYS = Set.of("name", "description", "parameters", "phases", "schedule",
            "context", "limits");
    private static final Set<String> LIMIT_KEYS = Set.of("maxCostUsd", "maxTokens");
    private static final Set<String> CONTEXT_KEYS = Set.of("maxBytes", "maxTokens");
    private static final Set<String> REFERENCE_KEYS = Set.of("agent", "forEach", "maxItems");
    /** The most instances one forEach may make. */
    private static final int MAX_ITEMS = 100_000;
    private static final Set<String> PHASE_KEYS = Set.of("name", "description", "agents", "parallelism", "timeout",
            "minSuccess", "instruction", "gate");

    // Entries are stored as CLOBs and rendered into instructions: far beyond any model's window already.
    private static final long MAX_CONTEXT_BYTES = 64L * 1024 * 1024;

    private final AgentDefinitionReader agents;
    private final AutoSelectionReader auto;

    WorkflowFileReader(AgentDefinitionReader agents) {
        this.agents = agents;
        this.auto = new AutoSelectionReader(agents);
    }

    Optional<WorkflowDefinition> read(Path file, Map<String, AgentDefinitionReader.LoadedAgent> library, DefinitionProblems problems) {
        YamlNode root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = YamlNode.parse(reader);
        } catch (IOException e) {
            problems.add(file, null, null, "cannot read: " + e.getMessage());
            return Optional.empty();
        } catch (YamlNode.YamlSyntaxException e) {
            problems.add(file, e.line > 0 ? e.line : null, null, e.getMessage());
            return Optional.empty();
        }
        if (!root.isMap()) {
            problems.add(file, root.line(), null, "a workflow must be a mapping with name, parameters and phases");
            return Optional.empty();
        }
        int before = problems.count();
        Map<String, YamlNode> keys = root.map();
        YamlFields.unknownKeys(file, "", keys, WORKFLOW_KEYS, problems);
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = YamlFields.scalar(file, "name", keys.get("name"), problems);
        if (name == null) {
            name = defaultName;
        }
        if (!AgentDefinitionReader.NAME.matcher(name).matches()) {
            problems.add(file, line(keys.get("name"), root), "name", "'" + name + "' is not a valid name (letters, digits, '.', '_', '-')");
        }
        List<ParameterDefinition> parameters = ParameterReader.read(file, keys.get("parameters"), problems);
        List<PhaseDefinition> phases = phases(file, root, keys.get("phases"), library, name, parameters, problems);
        ScheduleDefinition schedule = ScheduleReader.read(file, keys.get("schedule"), problems);
        ContextLimits context = context(file, keys.get("context"), problems);
        UsageLimits limits = limits(file, keys.get("limits"), problems);
        if (problems.count() > before) {
            return Optional.empty();
        }
        WorkflowDefinition workflow = new WorkflowDefinition(name,
                YamlFields.scalar(file, "description", keys.get("description"), problems), parameters, phases, file, schedule,
                context, limits);
        if (schedule != null) {
            try {
                ParameterResolver.resolve(workflow, schedule.params());
            } catch (InvalidParametersException e) {
                YamlNode at = keys.get("schedule").map().getOrDefault("params", keys.get("schedule"));
                e.problems().forEach(p -> problems.add(file, at.line(), "schedule.params", p));
                return Optional.empty();
            }
        }
        return Optional.of(workflow);
    }

    private static UsageLimits limits(Path file, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return UsageLimits.NONE;
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), "limits", "must be a mapping {maxCostUsd: 2.50, maxTokens: 500000}");
            return UsageLimits.NONE;
        }
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, "limits.", keys, LIMIT_KEYS, problems);
        BigDecimal maxCost = null;
        YamlNode costNode = keys.get("maxCostUsd");
        if (costNode != null && costNode.value() != null) {
            if (costNode.value() instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1_000_000) {
                maxCost = new BigDecimal(costNode.text());
            } else {
                problems.add(file, costNode.line(), "limits.maxCostUsd", "'" + costNode.text()
                        + "' is not an amount of US dollars more than 0 and at most 1000000 (example: 2.50)");
            }
        }
        Long maxTokens = null;
        YamlNode tokensNode = keys.get("maxTokens");
        if (tokensNode != null && tokensNode.value() != null) {
            if (tokensNode.value() instanceof Long n && n >= 1) {
                maxTokens = n;
            } else {
                problems.add(file, tokensNode.line(), "limits.maxTokens", "'" + tokensNode.text()
                        + "' is not a whole number of tokens, at least 1");
            }
        }
        return new UsageLimits(maxCost, maxTokens);
    }

    private static ContextLimits context(Path file, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return ContextLimits.DEFAULTS;
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), "context", "must be a mapping {maxBytes: 150KB, maxTokens: 40000}");
            return ContextLimits.DEFAULTS;
        }
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, "context.", keys, CONTEXT_KEYS, problems);
        Long maxBytes = null;
        YamlNode bytesNode = keys.get("maxBytes");
        if (bytesNode != null && bytesNode.value() != null) {
            try {
                maxBytes = DataSize.parse(bytesNode.text().trim()).toBytes();
            } catch (IllegalArgumentException e) {
                maxBytes = -1L;
            }
            if (maxBytes < 1024 || maxBytes > MAX_CONTEXT_BYTES) {
                problems.add(file, bytesNode.line(), "context.maxBytes", "'" + bytesNode.text()
                        + "' is not a size from 1KB to 64MB (examples: 150KB, 1MB)");
                maxBytes = null;
            }
        }
        Long maxTokens = null;
        YamlNode tokensNode = keys.get("maxTokens");
        if (tokensNode != null && tokensNode.value() != null) {
            if (tokensNode.value() instanceof Long n && n >= 256 && n <= 100_000_000L) {
                maxTokens = n;
            } else {
                problems.add(file, tokensNode.line(), "context.maxTokens", "'" + tokensNode.text()
                        + "' is not a whole number from 256 to 100000000");
            }
        }
        return new ContextLimits(maxBytes, maxTokens);
    }

    private List<PhaseDefinition> phases(Path file, YamlNode root, YamlNode node, Map<String, AgentDefinitionReader.LoadedAgent> library,
                                         String workflow, List<ParameterDefinition> parameters, DefinitionProblems problems) {
        List<PhaseDefinition> result = new ArrayList<>();
        if (node == null || node.value() == null) {
            problems.add(file, node == null ? root.line() : node.line(), "phases", "a workflow needs at least one phase");
            return result;
        }
        if (!node.isList() || node.list().isEmpty()) {
            problems.add(file, node.line(), "phases", "must be a non-empty list of phases");
            return result;
        }
        Set<String> names = new HashSet<>();
        Set<String> declared = new HashSet<>();
        parameters.forEach(p -> declared.add(p.name()));
        List<TemplateScope.EarlierPhase> earlier = new ArrayList<>();
        List<String> phaseNames = phaseNames(node);
        Set<Integer> repeated = repeatedPhases(node, phaseNames);
        for (int i = 0; i < node.list().size(); i++) {
            YamlNode phaseNode = node.list().get(i);
            String field = "phases[" + i + "]";
            if (!phaseNode.isMap()) {
                problems.add(file, phaseNode.line(), field, "must be a mapping with name and agents");
                continue;
            }
            PhaseDefinition phase = phase(file, field, i, phaseNode, library, workflow, declared, List.copyOf(earlier),
                    phaseNames, repeated.contains(i), problems);
            if (phase != null) {
                // An auto phase's outputs are those of the candidates it chooses.
                earlier.add(new TemplateScope.EarlierPhase(phase.name(), phase.isAuto() ? phase.auto().candidateNames()
                        : phase.agents().stream().map(PreparedAgent::name).toList()));
            }
            if (phase != null && !names.add(phase.name())) {
                problems.add(file, phaseNode.line(), field + ".name", "duplicate phase name '" + phase.name() + "'");
            }
            if (phase != null) {
                result.add(phase);
            }
        }
        return result;
    }

    /** The phases' names as written, before they are read (a gate may name a phase to run again). */
    private static List<String> phaseNames(YamlNode phases) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < phases.list().size(); i++) {
            YamlNode phase = phases.list().get(i);
            YamlNode name = phase.isMap() ? phase.map().get("name") : null;
            names.add(name != null && name.isScalar() && name.value() != null ? name.text() : "phase-" + (i + 1));
        }
        return names;
    }

    /**
     * The phases a gate's {@code repeat} may run again (from its target to the gate's phase): their instructions may
     * read {@code gate.feedback}. Mistakes in a repeat are reported when its gate is read.
     */
    private static Set<Integer> repeatedPhases(YamlNode phases, List<String> names) {
        Set<Integer> repeated = new HashSet<>();
        for (int k = 0; k < phases.list().size(); k++) {
            YamlNode phase = phases.list().get(k);
            YamlNode gate = phase.isMap() ? phase.map().get("gate") : null;
            YamlNode onFail = gate != null && gate.isMap() ? gate.map().get("onFail") : null;
            YamlNode target = onFail != null && onFail.isMap() ? onFail.map().get("repeat") : null;
            int from = target != null && target.isScalar() && target.value() != null ? names.indexOf(target.text()) : -1;
            for (int i = from; i >= 0 && i <= k; i++) {
                repeated.add(i);
            }
        }
        return repeated;
    }

    private PhaseDefinition phase(Path file, String field, int index, YamlNode node,
                                  Map<String, AgentDefinitionReader.LoadedAgent> library, String workflow, Set<String> declared,
                                  List<TemplateScope.EarlierPhase> earlier, List<String> phaseNames, boolean repeated,
                                  DefinitionProblems problems) {
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, field + ".", keys, PHASE_KEYS, problems);
        String name = YamlFields.scalar(file, field + ".name", keys.get("name"), problems);
        if (name == null) {
            name = "phase-" + (index + 1);
        } else if (!AgentDefinitionReader.NAME.matcher(name).matches()) {
            problems.add(file, keys.get("name").line(), field + ".name", "'" + name + "' is not a valid name (letters, digits, '.', '_', '-')");
        }
        String instructionText = YamlFields.scalar(file, field + ".instruction", keys.get("instruction"), problems);
        YamlNode instructionNode = keys.get("instruction");
        Template phaseInstruction = instructionText == null ? null : agents.compileAt(instructionText, file,
                instructionNode.line(), instructionNode.block(), field + ".instruction", problems);
        List<LocatedTemplate> templates = new ArrayList<>();
        List<LocatedTemplate> itemTemplates = new ArrayList<>();
        List<LocatedTemplate> forEachTemplates = new ArrayList<>();
        AutoSelection selection = null;
        List<PreparedAgent> phaseAgents = List.of();
        if (AutoSelectionReader.isAuto(keys.get("agents"))) {
            selection = auto.read(file, field + ".agents", keys.get("agents"), library, phaseInstruction, templates,
                    TemplateScope.ofTask(workflow, declared), problems);
        } else {
            phaseAgents = agents(file, field, node, keys.get("agents"), library, phaseInstruction, templates, itemTemplates,
                    forEachTemplates, problems);
        }
        // An auto phase's gate may name only its always agents: the others may not be chosen.
        List<String> gateAgents = selection != null ? selection.always() : phaseAgents.stream().map(PreparedAgent::name).toList();
        int fewestAgents = selection != null ? selection.counts().smallest() : phaseAgents.size();
        if (phaseInstruction instanceof LocatedTemplate located) {
            // The phase's instruction goes to every agent: it may read an item only when every agent has one.
            boolean allFanOut = !phaseAgents.isEmpty() && phaseAgents.stream().allMatch(a -> a.fanOut() != null);
            (allFanOut ? itemTemplates : templates).add(located);
        }
        TemplateScope scope = new TemplateScope(workflow, declared, earlier, name, repeated);
        templates.forEach(template -> scope.check(template, problems));
        forEachTemplates.forEach(template -> scope.check(template, problems));
        TemplateScope itemScope = scope.withItems();
        itemTemplates.forEach(template -> itemScope.check(template, problems));
        Long parallelism = YamlFields.positive(file, field + ".parallelism", keys.get("parallelism"), problems);
        Duration timeout = null;
        YamlNode timeoutNode = keys.get("timeout");
        if (timeoutNode != null && timeoutNode.value() != null) {
            timeout = AgentSettings.parseDuration(timeoutNode.text());
            if (timeout == null || timeout.isZero()) {
                problems.add(file, timeoutNode.line(), field + ".timeout",
                        "'" + timeoutNode.text() + "' is not a positive duration (examples: 30s, 5m)");
            }
        }
        GateReader.Read gate = GateReader.read(file, field + ".gate", keys.get("gate"), gateAgents, phaseNames, index, problems);
        MinSuccess minSuccess = MinSuccess.ALL;
        YamlNode minNode = keys.get("minSuccess");
        String minField = field + ".minSuccess";
        if (gate.minSuccess() != null) {
            if (minNode != null) {
                problems.add(file, gate.minSuccess().line(), field + ".gate.minSuccess", "minSuccess is given twice: keep the"
                        + " gate's or the phase's (line " + minNode.line() + ")");
            }
            minNode = gate.minSuccess();
            minField = field + ".gate.minSuccess";
        }
        if (minNode != null && minNode.value() != null) {
            minSuccess = MinSuccess.parse(minNode.value());
            if (minSuccess == null) {
                problems.add(file, minNode.line(), minField,
                        "'" + minNode.text() + "' is neither a count (3) nor a percentage 0..100 (80%)");
                minSuccess = MinSuccess.ALL;
            } else if (minSuccess.count() != null && minSuccess.count() > fewestAgents && fewestAgents > 0
                    && phaseAgents.stream().noneMatch(a -> a.fanOut() != null)) {
                problems.add(file, minNode.line(), minField, minSuccess.count() + " is more than the phase's " + fewestAgents
                        + " agents" + (selection != null ? " for a simple task (auto.counts)" : ""));
            }
        }
        int allAtOnce = selection != null ? selection.counts().largest() : phaseAgents.size();
        int effectiveParallelism = parallelism == null ? Math.max(1, allAtOnce) : parallelism.intValue();
        return new PhaseDefinition(name, phaseAgents, effectiveParallelism, timeout, minSuccess, gate.gate(), selection,
                parallelism != null || selection != null);
    }

    /**
     * The phase's agents. Their templates go to {@code templates}, or to {@code itemTemplates} for agents that fan out
     * (they may read {@code item} and {@code index}); {@code forEach} templates go to {@code forEachTemplates}.
     */
    private List<PreparedAgent> agents(Path file, String field, YamlNode phaseNode, YamlNode node,
                                       Map<String, AgentDefinitionReader.LoadedAgent> library, Template phaseInstruction,
                                       List<LocatedTemplate> templates, List<LocatedTemplate> itemTemplates,
                                       List<LocatedTemplate> forEachTemplates, DefinitionProblems problems) {
        List<PreparedAgent> result = new ArrayList<>();
        if (node == null || node.value() == null || (node.isList() && node.list().isEmpty())) {
            problems.add(file, node == null ? phaseNode.line() : node.line(), field + ".agents", "a phase needs at least one agent");
            return result;
        }
        if (!node.isList()) {
            problems.add(file, node.line(), field + ".agents", "must be a list of agent names or inline agents, or {auto: ...}");
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.list().size(); i++) {
            YamlNode entry = node.list().get(i);
            String entryField = field + ".agents[" + i + "]";
            AgentDefinitionReader.LoadedAgent loaded = agent(file, entryField, entry, library, problems);
            if (loaded == null) {
                continue;
            }
            String name = loaded.definition().name();
            if (!seen.add(name)) {
                problems.add(file, entry.line(), entryField, "duplicate agent '" + name + "' in this phase");
                continue;
            }
            FanOut fanOut = fanOut(file, entryField, entry, forEachTemplates, problems);
            if (loaded.runner() == null) {
                // Its kind is unknown, which the agent's own problem says.
                continue;
            }
            PreparedAgent prepared = prepare(loaded, phaseInstruction, fanOut == null ? templates : itemTemplates);
            result.add(fanOut == null ? prepared : prepared.fanningOut(fanOut));
        }
        return result;
    }

    /**
     * The agent as it runs in a phase (listed or a candidate of an auto phase); what it renders there, its own
     * instruction and its body when that is a template, goes to {@code templates} to be checked in the phase's scope.
     */
    static PreparedAgent prepare(AgentDefinitionReader.LoadedAgent loaded, Template phaseInstruction, List<LocatedTemplate> templates) {
        for (Template template : new Template[] {loaded.instruction(), loaded.systemPrompt()}) {
            if (template instanceof LocatedTemplate located) {
                templates.add(located);
            }
        }
        return new PreparedAgent(loaded.definition(), loaded.runner(), combine(loaded.instruction(), phaseInstruction),
                loaded.systemPrompt());
    }

    /**
     * An entry's {@code forEach} and {@code maxItems}: the items the agent runs once for, rendered when the phase
     * starts; null when it has none.
     */
    private FanOut fanOut(Path file, String field, YamlNode entry, List<LocatedTemplate> forEachTemplates,
                          DefinitionProblems problems) {
        if (!entry.isMap()) {
            return null;
        }
        YamlNode forEach = entry.map().get("forEach");
        YamlNode maxNode = entry.map().get("maxItems");
        if (forEach == null || forEach.value() == null) {
            if (maxNode != null) {
                problems.add(file, maxNode.line(), field + ".maxItems", "maxItems bounds a forEach, and this agent has none");
            }
            return null;
        }
        if (!forEach.isScalar()) {
            problems.add(file, forEach.line(), field + ".forEach", "must be a template rendering a JSON array or one item per"
                    + " line, e.g. \"{{params.files}}\"");
            return null;
        }
        int maxItems = FanOut.DEFAULT_MAX_ITEMS;
        if (maxNode != null && maxNode.value() != null) {
            if (maxNode.value() instanceof Long n && n >= 1 && n <= MAX_ITEMS) {
                maxItems = n.intValue();
            } else {
                problems.add(file, maxNode.line(), field + ".maxItems", "'" + maxNode.text() + "' is not a whole number from 1 to "
                        + MAX_ITEMS);
            }
        }
        Template items = agents.compileAt(forEach.text(), file, forEach.line(), forEach.block(), field + ".forEach", problems);
        if (items instanceof LocatedTemplate located) {
            forEachTemplates.add(located);
        }
        return new FanOut(items, maxItems, file.getFileName() + " line " + forEach.line() + " " + field + ".forEach");
    }

    private AgentDefinitionReader.LoadedAgent agent(Path file, String field, YamlNode entry,
                                                    Map<String, AgentDefinitionReader.LoadedAgent> library, DefinitionProblems problems) {
        if (entry.isMap() && entry.map().containsKey("agent")) {
            // A library agent with what it does in this phase: {agent: <name>, forEach: ..., maxItems: ...}.
            Map<String, YamlNode> keys = entry.map();
            YamlFields.unknownKeys(file, field + ".", keys, REFERENCE_KEYS, problems);
            YamlNode agentNode = keys.get("agent");
            AgentDefinitionReader.LoadedAgent agent = agentNode.isScalar() && agentNode.value() != null
                    ? library.get(agentNode.text()) : null;
            if (agent == null) {
                problems.add(file, agentNode.line(), field + ".agent", "unknown agent '" + agentNode.text()
                        + "': no file in the agent library has this name");
            }
            return agent;
        }
        if (entry.isMap()) {
            Map<String, YamlNode> keys = entry.map();
            YamlNode nameNode = keys.get("name");
            if (nameNode == null || nameNode.value() == null) {
                problems.add(file, entry.line(), field + ".name", "an inline agent needs a name");
                return null;
            }
            AgentDefinitionReader.LoadedAgent existing = library.get(nameNode.text());
            if (existing != null) {
                problems.add(file, nameNode.line(), field + ".name", "duplicate name: inline agent '" + nameNode.text()
                        + "' has the name of the library agent in " + existing.definition().source());
                return null;
            }
            return agents.read(keys, null, "", entry.line(), file, entry.line(), field + ".", problems);
        }
        if (entry.isScalar() && entry.value() != null) {
            AgentDefinitionReader.LoadedAgent agent = library.get(entry.text());
            if (agent == null) {
                problems.add(file, entry.line(), field, "unknown agent '" + entry.text()
                        + "': no file in the agent library has this name, and an inline agent is a mapping {name, kind, ...}");
            }
            return agent;
        }
        problems.add(file, entry.line(), field, "must be an agent name, a library agent {agent: <name>, forEach: ...} or an"
                + " inline agent {name, kind, ...}");
        return null;
    }

    /** The user prompt: the agent's own instruction, then the phase's. */
    private static Template combine(Template agentInstruction, Template phaseInstruction) {
        if (agentInstruction == null || phaseInstruction == null) {
            return agentInstruction != null ? agentInstruction : phaseInstruction != null ? phaseInstruction : scope -> "";
        }
        return scope -> {
            String head = agentInstruction.render(scope);
            String tail = phaseInstruction.render(scope);
            return head.isEmpty() ? tail : head + "\n\n" + tail;
        };
    }

    private static int line(YamlNode node, YamlNode fallback) {
        return node != null ? node.line() : fallback.line();
    }
}
