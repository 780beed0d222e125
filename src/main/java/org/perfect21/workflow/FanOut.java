package org.perfect21.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.agent.InstructionTemplates.Template;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's {@code forEach}: a template rendered when its phase starts into the items the agent runs once for, each
 * instance named {@code <agent>[<index>]} and seeing {@code {{item}}} and {@code {{index}}}. The text is a JSON array
 * (a {@code list} parameter renders as one) or one item per line; at most {@code maxItems} items.
 *
 * @param where the file, line and field it was written at, for the errors of a run
 */
public record FanOut(Template items, int maxItems, String where) {

    public static final int DEFAULT_MAX_ITEMS = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The items of the rendered text, in order. */
    public List<Object> itemsOf(String rendered) {
        String text = rendered.strip();
        List<Object> result = new ArrayList<>();
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = JSON.readTree(text);
            } catch (JacksonException e) {
                throw new FanOutException(where + " rendered text that starts like a JSON array but is not one ("
                        + e.getOriginalMessage() + "): " + excerpt(text));
            }
            for (JsonNode item : array) {
                result.add(valueOf(item));
                checkBound(result.size());
            }
            return result;
        }
        if (text.startsWith("{")) {
            throw new FanOutException(where + " rendered a JSON object, not a list of items (a JSON array, or one item"
                    + " per line): " + excerpt(text));
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                result.add(line.strip());
                checkBound(result.size());
            }
        }
        return result;
    }

    private void checkBound(int count) {
        if (count > maxItems) {
            throw new FanOutException(where + " gave more than maxItems " + maxItems + " items");
        }
    }

    /** A JSON value as a template reads it: objects as maps, arrays as lists, both rendered whole as JSON. */
    private static Object valueOf(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), valueOf(e.getValue())));
            return new JsonObjectValue(fields);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(valueOf(item)));
            return new ListValue(items);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? "" : node.asString();
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** A JSON object item: a template reads its fields ({@code {{item.path}}}) and renders it whole as JSON. */
    static final class JsonObjectValue extends LinkedHashMap<String, Object> {

        JsonObjectValue(Map<String, Object> fields) {
            super(fields);
        }

        @Override
        public String toString() {
            return JSON.writeValueAsString(this);
        }
    }

    /** A forEach whose items cannot be had: its phase fails with this message. */
    public static final class FanOutException extends RuntimeException {

        FanOutException(String message) {
            super(message);
        }
    }
}
