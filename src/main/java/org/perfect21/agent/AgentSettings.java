package org.perfect21.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The keys of an agent definition as plain values (String, Long, Double, Boolean, List, Map), with
 * the line each key is on, and typed readers that record a problem instead of throwing.
 */
public final class AgentSettings {

    private final Map<String, Object> values;
    private final Map<String, Integer> lines;
    private final List<SettingProblem> problems = new ArrayList<>();

    public AgentSettings(Map<String, Object> values, Map<String, Integer> lines) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.lines = Map.copyOf(lines);
    }

    /** A problem with one key; {@code line} is null when unknown. */
    public record SettingProblem(String field, Integer line, String message) {
    }

    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Integer lineOf(String key) {
        return lines.get(key);
    }

    public List<SettingProblem> problems() {
        return List.copyOf(problems);
    }

    public void problem(String key, String message) {
        problems.add(new SettingProblem(key, lines.get(key), message));
    }

    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(key, "must be a single value, not " + describe(value));
            return null;
        }
        return value.toString();
    }

    /** A boolean; absent is false. */
    public boolean bool(String key) {
        Object value = values.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problem(key, "'" + value + "' is not true or false");
        return false;
    }

    public Duration duration(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        Duration parsed = parseDuration(text);
        if (parsed == null) {
            problem(key, "'" + text + "' is not a duration (examples: 200ms, 5s, 2m, PT1H)");
        }
        return parsed;
    }

    public DataSize dataSize(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            DataSize size = DataSize.parse(text.trim());
            if (size.isNegative()) {
                problem(key, "must not be negative");
                return null;
            }
            return size;
        } catch (IllegalArgumentException e) {
            problem(key, "'" + text + "' is not a size (examples: 15360, 15KB, 1MB)");
            return null;
        }
    }

    public Long integer(String key, long min, long max) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long number)) {
            problem(key, "'" + value + "' is not a whole number");
            return null;
        }
        if (number < min || number > max) {
            problem(key, number + " is out of range " + min + ".." + max);
            return null;
        }
        return number;
    }

    public Double decimal(String key, double min, double max) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            problem(key, "'" + value + "' is not a number");
            return null;
        }
        double d = number.doubleValue();
        if (d < min || d > max) {
            problem(key, d + " is out of range " + min + ".." + max);
            return null;
        }
        return d;
    }

    /** A list of strings; a single string is split on commas (Claude Code writes {@code tools: Read, Grep}). */
    public List<String> stringList(String key, boolean splitCommas) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof List) {
                    problem(key, "every item must be a single value");
                    return List.of();
                }
                result.add(item.toString());
            }
            return result;
        }
        if (value instanceof Map) {
            problem(key, "must be a list, not a mapping");
            return List.of();
        }
        if (!splitCommas) {
            problem(key, "must be a list");
            return List.of();
        }
        return java.util.Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Names, such as tools: a list of strings, or one string split on commas (Claude Code writes
     * {@code tools: Read, Grep}). Anything else, a number or a list holding one, is a problem rather than a name.
     */
    public List<String> names(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(item -> ((String) item).trim()).filter(s -> !s.isEmpty()).toList();
        }
        String found = value instanceof Map ? "a mapping" : value instanceof List ? "a list holding " + nonText((List<?>) value)
                : "'" + value + "'";
        problem(key, "must be names, as a list ([Read, Grep]) or one comma-separated text (Read, Grep), not " + found);
        return List.of();
    }

    private static String nonText(List<?> list) {
        for (Object item : list) {
            if (!(item instanceof String)) {
                return item == null ? "an empty item" : item instanceof Map ? "a mapping" : item instanceof List ? "a list"
                        : "'" + item + "'";
            }
        }
        return "nothing";
    }

    public Map<String, String> stringMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "must be a mapping of names to values");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : v.toString()));
        return result;
    }

    /** Parses {@code 200ms}, {@code 5s}, {@code 2m}, {@code PT5S}; a bare number is milliseconds. Null if invalid. */
    public static Duration parseDuration(String text) {
        try {
            Duration d = DurationStyle.detectAndParse(text.trim());
            return d.isNegative() ? null : d;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(Object value) {
        return value instanceof Map ? "a mapping" : "a list";
    }
}
