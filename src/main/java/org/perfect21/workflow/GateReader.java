package org.perfect21.workflow;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/** Reads a phase's {@code gate}, checking every name, pattern and path against the phase it guards. */
final class GateReader {

    private static final Set<String> GATE_KEYS = Set.of("minSuccess", "require", "expect", "onFail");
    private static final Set<String> REPEAT_KEYS = Set.of("repeat", "times");
    /** A bound on a gate's loop: each iteration keeps its rows, and a loop that never passes should fail soon. */
    private static final int MAX_TIMES = 100;
    private static final Set<String> CHECK_KEYS = Set.of("agent", "matches", "json", "atLeast", "atMost", "equals");

    private GateReader() {
    }

    /** The gate's own keys, and the {@code minSuccess} it holds (null when it holds none). */
    record Read(GateDefinition gate, YamlNode minSuccess) {
    }

    /**
     * @param phases the workflow's phase names in order, as written
     * @param index  the index of the phase the gate guards
     */
    static Read read(Path file, String field, YamlNode node, List<String> agents, List<String> phases, int index,
                     DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return new Read(GateDefinition.NONE, null);
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), field, "must be a mapping {minSuccess, require, expect, onFail}");
            return new Read(GateDefinition.NONE, null);
        }
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, field + ".", keys, GATE_KEYS, problems);
        List<String> require = require(file, field + ".require", keys.get("require"), agents, problems);
        List<GateCheck> expect = expect(file, field + ".expect", keys.get("expect"), agents, problems);
        YamlNode onFailNode = keys.get("onFail");
        if (onFailNode != null && onFailNode.isMap()) {
            GateDefinition.Repeat repeat = repeat(file, field + ".onFail", onFailNode, phases, index, problems);
            return new Read(repeat == null ? new GateDefinition(require, expect, GateDefinition.OnFail.STOP)
                    : new GateDefinition(require, expect, GateDefinition.OnFail.REPEAT, repeat), keys.get("minSuccess"));
        }
        GateDefinition.OnFail onFail = onFail(file, field + ".onFail", onFailNode, problems);
        return new Read(new GateDefinition(require, expect, onFail), keys.get("minSuccess"));
    }

    private static List<String> require(Path file, String field, YamlNode node, List<String> agents, DefinitionProblems problems) {
        List<String> names = new ArrayList<>();
        if (node == null || node.value() == null) {
            return names;
        }
        List<YamlNode> items = node.isList() ? node.list() : node.isScalar() ? List.of(node) : null;
        if (items == null) {
            problems.add(file, node.line(), field, "must be a list of the phase's agents, e.g. [verdict]");
            return names;
        }
        for (YamlNode item : items) {
            String name = item.isScalar() && item.value() != null ? item.text() : null;
            if (name == null || !agents.contains(name)) {
                problems.add(file, item.line(), field, notAnAgent(name, agents));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static List<GateCheck> expect(Path file, String field, YamlNode node, List<String> agents, DefinitionProblems problems) {
        List<GateCheck> checks = new ArrayList<>();
        if (node == null || node.value() == null) {
            return checks;
        }
        if (!node.isList()) {
            problems.add(file, node.line(), field, "must be a list of checks, e.g. [{agent: verdict, matches: PASS}]");
            return checks;
        }
        for (int i = 0; i < node.list().size(); i++) {
            GateCheck check = check(file, field + "[" + i + "]", node.list().get(i), agents, problems);
            if (check != null) {
                checks.add(check);
            }
        }
        return checks;
    }

    private static GateCheck check(Path file, String field, YamlNode node, List<String> agents, DefinitionProblems problems) {
        if (!node.isMap()) {
            problems.add(file, node.line(), field, "must be a mapping {agent, matches} or {agent, json, atLeast | atMost | equals}");
            return null;
        }
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, field + ".", keys, CHECK_KEYS, problems);
        String agent = YamlFields.scalar(file, field + ".agent", keys.get("agent"), problems);
        if (agent == null || !agents.contains(agent)) {
            problems.add(file, keys.getOrDefault("agent", node).line(), field + ".agent", notAnAgent(agent, agents));
            agent = null;
        }
        String matches = YamlFields.scalar(file, field + ".matches", keys.get("matches"), problems);
        String json = YamlFields.scalar(file, field + ".json", keys.get("json"), problems);
        if ((matches == null) == (json == null)) {
            problems.add(file, node.line(), field, "a check is either {agent, matches: <regex>} or {agent, json: <path>, ...}");
            return null;
        }
        if (matches != null) {
            for (String bound : List.of("atLeast", "atMost", "equals")) {
                if (keys.containsKey(bound)) {
                    problems.add(file, keys.get(bound).line(), field + "." + bound, "applies to a json check, not to matches");
                }
            }
            try {
                Pattern pattern = Pattern.compile(matches);
                return agent == null ? null : new GateCheck.Matches(agent, pattern);
            } catch (PatternSyntaxException e) {
                problems.add(file, keys.get("matches").line(), field + ".matches", "'" + matches + "' is not a regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
                return null;
            }
        }
        JsonPath path;
        try {
            path = JsonPath.compile(json);
        } catch (InvalidPathException | IllegalArgumentException e) {
            problems.add(file, keys.get("json").line(), field + ".json", "'" + json + "' is not a JSON path (e.g. $.score): "
                    + e.getMessage());
            return null;
        }
        BigDecimal atLeast = bound(file, field + ".atLeast", keys.get("atLeast"), problems);
        BigDecimal atMost = bound(file, field + ".atMost", keys.get("atMost"), problems);
        YamlNode equalsNode = keys.get("equals");
        Object equalTo = null;
        if (equalsNode != null && equalsNode.value() != null) {
            if (!equalsNode.isScalar()) {
                problems.add(file, equalsNode.line(), field + ".equals", "must be a single value");
            } else {
                equalTo = equalsNode.value();
            }
        }
        return agent == null ? null : new GateCheck.JsonValue(agent, json, path, atLeast, atMost, equalTo);
    }

    private static BigDecimal bound(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (node.value() instanceof Number) {
            return new BigDecimal(node.text());
        }
        problems.add(file, node.line(), field, "'" + node.text() + "' is not a number");
        return null;
    }

    private static GateDefinition.OnFail onFail(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return GateDefinition.OnFail.STOP;
        }
        if (node.isScalar()) {
            switch (node.text()) {
                case "stop":
                    return GateDefinition.OnFail.STOP;
                case "continue":
                    return GateDefinition.OnFail.CONTINUE;
                default:
                    break;
            }
        }
        problems.add(file, node.line(), field, "'" + node.text() + "' is not stop (the run fails, the default), continue"
                + " (the run goes on, the failed gate recorded) or {repeat: <phase>, times: <n>}");
        return GateDefinition.OnFail.STOP;
    }

    /** {@code {repeat: <phase>, times: <n>}}: this phase or an earlier one, at least once (the default). */
    private static GateDefinition.Repeat repeat(Path file, String field, YamlNode node, List<String> phases, int index,
                                                DefinitionProblems problems) {
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, field + ".", keys, REPEAT_KEYS, problems);
        YamlNode target = keys.get("repeat");
        if (target == null || target.value() == null || !target.isScalar()) {
            problems.add(file, target == null ? node.line() : target.line(), field + ".repeat",
                    "name the phase to run again: {repeat: <phase>, times: <n>} (this phase or an earlier one)");
            return null;
        }
        String phase = target.text();
        int targetIndex = phases.indexOf(phase);
        boolean ok = true;
        if (targetIndex < 0) {
            problems.add(file, target.line(), field + ".repeat", "no phase '" + phase + "' in this workflow (its phases: "
                    + String.join(", ", phases) + ")");
            ok = false;
        } else if (targetIndex > index) {
            problems.add(file, target.line(), field + ".repeat", "'" + phase + "' comes after this phase: a gate can send"
                    + " the work back only to this phase or an earlier one (" + String.join(", ", phases.subList(0, index + 1)) + ")");
            ok = false;
        }
        int times = 1;
        YamlNode timesNode = keys.get("times");
        if (timesNode != null && timesNode.value() != null) {
            if (timesNode.value() instanceof Long n && n >= 1 && n <= MAX_TIMES) {
                times = n.intValue();
            } else {
                problems.add(file, timesNode.line(), field + ".times", "'" + timesNode.text() + "' is not a whole number from 1 to "
                        + MAX_TIMES + " (how many more times the phases run)");
                ok = false;
            }
        }
        return ok ? new GateDefinition.Repeat(phase, targetIndex, times) : null;
    }

    private static String notAnAgent(String name, List<String> agents) {
        return (name == null ? "an agent name is needed" : "'" + name + "' is not an agent of this phase")
                + " (its agents: " + String.join(", ", agents) + ")";
    }
}
