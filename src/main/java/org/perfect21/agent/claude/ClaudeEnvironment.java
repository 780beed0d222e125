package org.perfect21.agent.claude;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The environment of a claude process, built from nothing: the few variables it inherits from the JVM (PATH, HOME,
 * LANG, the ANTHROPIC_* and CLAUDE_* ones), then {@code perfect21.agents.claude.environment}, then the agent's
 * {@code env}, each overriding the one before. Nothing else of the JVM's environment passes.
 */
final class ClaudeEnvironment {

    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG");
    private static final List<String> INHERITED_PREFIXES = List.of("ANTHROPIC_", "CLAUDE_");
    /** Variables whose values are credentials: they are kept out of every message. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL).*",
            Pattern.CASE_INSENSITIVE);
    /** Shorter values are not redacted: they would turn ordinary words into stars. */
    private static final int SHORTEST_SECRET = 6;

    private ClaudeEnvironment() {
    }

    static Map<String, String> of(Map<String, String> jvm, Map<String, String> configured, Map<String, String> agent) {
        Map<String, String> environment = new LinkedHashMap<>();
        jvm.forEach((name, value) -> {
            if (inherited(name)) {
                environment.put(name, value);
            }
        });
        environment.putAll(configured);
        environment.putAll(agent);
        return environment;
    }

    static boolean inherited(String name) {
        return INHERITED.contains(name) || INHERITED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Replaces the values of the credentials in {@code environment} by {@code ***} wherever they occur in text. */
    static UnaryOperator<String> redaction(Map<String, String> environment) {
        List<String> secrets = environment.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey()).matches() && e.getValue().length() >= SHORTEST_SECRET)
                .map(Map.Entry::getValue)
                // The longest first: a secret containing another is replaced whole.
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return text -> {
            String redacted = text;
            for (String secret : secrets) {
                redacted = redacted.replace(secret, "***");
            }
            return redacted;
        };
    }
}
