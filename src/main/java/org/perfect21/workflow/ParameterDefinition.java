package org.perfect21.workflow;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.perfect21.agent.AgentSettings;

/**
 * A typed workflow parameter.
 *
 * @param name         the parameter's name
 * @param type         its type
 * @param required     whether a launch must give it
 * @param defaultValue the typed default, or null
 * @param description  what it means
 */
public record ParameterDefinition(String name, Type type, boolean required, Object defaultValue, String description) {

    /** Parameter types; values arrive as text (CLI, REST) or YAML scalars and are converted here. */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, DURATION, PATH;

        static Type parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "string", "text" -> STRING;
                case "int", "integer" -> INTEGER;
                case "number", "decimal" -> NUMBER;
                case "bool", "boolean" -> BOOLEAN;
                case "duration" -> DURATION;
                case "path" -> PATH;
                default -> null;
            };
        }

        static String names() {
            return "string, integer, number, boolean, duration, path";
        }

        /**
         * Converts a value to this type; throws {@link IllegalArgumentException} saying why not.
         * Durations and paths are kept as their text so they render in templates as written.
         */
        public Object convert(Object value) {
            String text = String.valueOf(value).trim();
            switch (this) {
                case INTEGER:
                    try {
                        return value instanceof Long l ? l : Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is not an integer");
                    }
                case NUMBER:
                    try {
                        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is not a number");
                    }
                case BOOLEAN:
                    if (value instanceof Boolean b) {
                        return b;
                    }
                    if (Arrays.asList("true", "false").contains(text.toLowerCase(Locale.ROOT))) {
                        return Boolean.parseBoolean(text);
                    }
                    throw new IllegalArgumentException("'" + text + "' is not true or false");
                case DURATION:
                    Duration d = AgentSettings.parseDuration(text);
                    if (d == null) {
                        throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 200ms, 5s, 2m)");
                    }
                    return text;
                case PATH:
                    if (text.isEmpty() || text.indexOf('\0') >= 0) {
                        throw new IllegalArgumentException("'" + text + "' is not a path");
                    }
                    return text;
                default:
                    return String.valueOf(value);
            }
        }
    }
}
