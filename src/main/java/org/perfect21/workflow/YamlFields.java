package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads of workflow keys that record a problem, with file, line and field, instead of throwing. */
final class YamlFields {

    private YamlFields() {
    }

    static void unknownKeys(Path file, String prefix, Map<String, YamlNode> keys, Set<String> known, DefinitionProblems problems) {
        keys.forEach((key, value) -> {
            if (!known.contains(key)) {
                problems.add(file, value.line(), prefix + key, "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        });
    }

    static String scalar(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (!node.isScalar()) {
            problems.add(file, node.line(), field, "must be a single value");
            return null;
        }
        return node.text();
    }

    static boolean bool(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return false;
        }
        if (node.value() instanceof Boolean b) {
            return b;
        }
        problems.add(file, node.line(), field, "'" + node.text() + "' is not true or false");
        return false;
    }

    static Long positive(Path file, String field, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (node.value() instanceof Long n && n >= 1 && n <= 10_000) {
            return n;
        }
        problems.add(file, node.line(), field, "'" + node.text() + "' is not a whole number from 1 to 10000");
        return null;
    }
}
