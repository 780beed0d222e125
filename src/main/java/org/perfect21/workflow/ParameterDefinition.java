package org.perfect21.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.perfect21.agent.AgentSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        STRING, INTEGER, NUMBER, BOOLEAN, DURATION, PATH, LIST;

        static Type parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "string", "text" -> STRING;
                case "int", "integer" -> INTEGER;
                case "number", "decimal" -> NUMBER;
                case "bool", "boolean" -> BOOLEAN;
                case "duration" -> DURATION;
                case "path" -> PATH;
                case "list" -> LIST;
                default -> null;
            };
        }

        static String names() {
            return "string, integer, number, boolean, duration, path, list";
        }

        /**
         * Converts a value to this type; throws {@link IllegalArgumentException} saying why not.
         * Durations and paths are kept as their text so they render in templates as written.
         */
        public Object convert(Object value) {
            if (this == LIST) {
                return list(value);
            }
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

        /** A YAML sequence or a JSON array (as text from the command line, or parsed from a REST body) of single values. */
        private static ListValue list(Object value) {
            List<?> items;
            if (value instanceof List<?> given) {
                items = given;
            } else {
                String text = String.valueOf(value).trim();
                try {
                    JsonNode parsed = LIST_JSON.readTree(text);
                    if (parsed == null || !parsed.isArray()) {
                        throw new IllegalArgumentException(notAList(text));
                    }
                    items = LIST_JSON.convertValue(parsed, List.class);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(notAList(text));
                }
            }
            List<Object> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
                    throw new IllegalArgumentException("item " + (i + 1) + " of the list is not a single value (text, a number"
                            + " or true/false)");
                }
                values.add(item);
            }
            return new ListValue(values);
        }

        private static String notAList(String text) {
            String shown = text.length() <= 80 ? text : text.substring(0, 80) + "…";
            return "'" + shown + "' is not a list: give a JSON array, e.g. [\"a.java\", \"b.java\"] (a YAML sequence in a file)";
        }
    }

    private static final JsonMapper LIST_JSON = JsonMapper.builder().build();
}
