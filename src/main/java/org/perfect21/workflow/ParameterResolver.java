package org.perfect21.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns launch parameters (text) into the typed values a workflow declares, or says everything wrong with them. */
public final class ParameterResolver {

    private ParameterResolver() {
    }

    public static Map<String, Object> resolve(WorkflowDefinition workflow, Map<String, ?> given) {
        List<String> problems = new ArrayList<>();
        Map<String, ParameterDefinition> declared = workflow.parameters().stream()
                .collect(Collectors.toMap(ParameterDefinition::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        for (String name : given.keySet()) {
            if (!declared.containsKey(name)) {
                problems.add("unknown parameter '" + name + "'"
                        + (declared.isEmpty() ? " (the workflow takes none)" : " (known: " + String.join(", ", declared.keySet()) + ")"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDefinition parameter : declared.values()) {
            Object value = given.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    problems.add("missing required parameter '" + parameter.name() + "' (" + parameter.type().name().toLowerCase() + ")");
                } else if (parameter.defaultValue() != null) {
                    values.put(parameter.name(), parameter.defaultValue());
                }
                continue;
            }
            try {
                values.put(parameter.name(), parameter.type().convert(value));
            } catch (IllegalArgumentException e) {
                problems.add("parameter '" + parameter.name() + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(workflow.name(), problems);
        }
        return values;
    }
}
