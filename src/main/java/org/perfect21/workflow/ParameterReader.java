package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a workflow's {@code parameters}: a name to a type, or to {type, required, default, description}. */
final class ParameterReader {

    private static final Set<String> PARAMETER_KEYS = Set.of("type", "required", "default", "description");

    private ParameterReader() {
    }

    static List<ParameterDefinition> read(Path file, YamlNode node, DefinitionProblems problems) {
        List<ParameterDefinition> result = new ArrayList<>();
        if (node == null || node.value() == null) {
            return result;
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), "parameters", "must be a mapping of parameter names to {type, required, default}");
            return result;
        }
        node.map().forEach((name, spec) -> {
            String field = "parameters." + name;
            Map<String, YamlNode> specKeys = spec.isMap() ? spec.map()
                    : spec.value() == null ? Map.of() : Map.of("type", spec);
            if (spec.isList()) {
                problems.add(file, spec.line(), field, "must be a type name or a mapping {type, required, default}");
                return;
            }
            YamlFields.unknownKeys(file, field + ".", specKeys, PARAMETER_KEYS, problems);
            String typeText = YamlFields.scalar(file, field + ".type", specKeys.get("type"), problems);
            ParameterDefinition.Type type = typeText == null ? ParameterDefinition.Type.STRING : ParameterDefinition.Type.parse(typeText);
            if (type == null) {
                problems.add(file, specKeys.get("type").line(), field + ".type",
                        "unknown type '" + typeText + "' (known: " + ParameterDefinition.Type.names() + ")");
                return;
            }
            boolean required = YamlFields.bool(file, field + ".required", specKeys.get("required"), problems);
            Object defaultValue = null;
            YamlNode defaultNode = specKeys.get("default");
            if (defaultNode != null && defaultNode.value() != null) {
                try {
                    defaultValue = type.convert(defaultNode.isList() ? defaultNode.plain() : defaultNode.value());
                } catch (IllegalArgumentException e) {
                    problems.add(file, defaultNode.line(), field + ".default", e.getMessage());
                }
                if (required) {
                    problems.add(file, defaultNode.line(), field, "is required and has a default: choose one");
                }
            }
            result.add(new ParameterDefinition(name, type, required, defaultValue,
                    YamlFields.scalar(file, field + ".description", specKeys.get("description"), problems)));
        });
        return result;
    }
}
