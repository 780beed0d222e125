package org.perfect21.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perfect21.agent.AgentDefinition;

/**
 * A digest of what determines an agent's behaviour: its kind, its settings and its body. Two
 * definitions with the same fingerprint, given the same instruction and parameters, do the same work,
 * so the result cache may answer for one with the other's result.
 */
final class AgentFingerprint {

    // Keys that describe the agent or its caching, not what it does.
    private static final Set<String> IGNORED = Set.of("description", "color", "category", "cache", "ttl");

    private AgentFingerprint() {
    }

    static String of(AgentDefinition definition) {
        StringBuilder canonical = new StringBuilder();
        canonical.append("kind=").append(definition.effectiveKind()).append('\n');
        Map<String, Object> settings = new TreeMap<>(definition.settings().values());
        settings.keySet().removeAll(IGNORED);
        canonical.append("settings=");
        append(canonical, settings);
        canonical.append("\nbody=").append(definition.body());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Maps in key order, lists in order, scalars with their type, so different values never write the same text. */
    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> String.valueOf(e.getKey()), Map.Entry::getValue, (a, b) -> b))).forEach((k, v) -> {
                        out.append(k.length()).append(':').append(k).append('=');
                        append(out, v);
                        out.append(';');
                    });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                append(out, item);
                out.append(',');
            });
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else {
            String text = value.toString();
            out.append(value.getClass().getSimpleName()).append(text.length()).append(':').append(text);
        }
    }
}
