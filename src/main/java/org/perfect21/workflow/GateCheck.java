package org.perfect21.workflow;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One check of a gate's {@code expect} over an agent's output: a regular expression found anywhere in it
 * ({@code matches}), or a value at a JSON path of it compared with a bound ({@code json} with {@code atLeast},
 * {@code atMost} or {@code equals}; none of them: the value must be there).
 */
public sealed interface GateCheck permits GateCheck.Matches, GateCheck.JsonValue {

    /** The most of an output a failed check quotes. */
    int EXCERPT = 200;

    /** The agent whose output is checked. */
    String agent();

    /** The check as a person reads it, e.g. {@code verdict matches PASS}. */
    String describe();

    /** Whether the output holds; {@code output} is the agent's whole output. */
    GateResult.Check evaluate(String output);

    record Matches(String agent, Pattern pattern) implements GateCheck {

        @Override
        public String describe() {
            return agent + " matches " + pattern.pattern();
        }

        @Override
        public GateResult.Check evaluate(String output) {
            Matcher matcher = pattern.matcher(output);
            if (matcher.find()) {
                return new GateResult.Check(describe(), true, "found '" + excerpt(matcher.group()) + "'");
            }
            return new GateResult.Check(describe(), false, "not found in its output: " + excerpt(output));
        }
    }

    /**
     * @param path     the compiled path
     * @param atLeast  the least the value may be, or null
     * @param atMost   the most it may be, or null
     * @param equalTo  what it must equal (compared as text, numbers by value), or null
     */
    record JsonValue(String agent, String expression, JsonPath path, BigDecimal atLeast, BigDecimal atMost, Object equalTo)
            implements GateCheck {

        private static final JsonMapper STRICT = JsonMapper.builder().build();

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(agent).append(' ').append(expression);
            if (atLeast != null) {
                text.append(" ≥ ").append(atLeast.toPlainString());
            }
            if (atMost != null) {
                text.append(" ≤ ").append(atMost.toPlainString());
            }
            if (equalTo != null) {
                text.append(" = ").append(equalTo);
            }
            return atLeast == null && atMost == null && equalTo == null ? text.append(" exists").toString() : text.toString();
        }

        @Override
        public GateResult.Check evaluate(String output) {
            // Parsed once, strictly (JsonPath's own parser takes non-JSON text for a string), then walked by the path.
            Object document;
            try {
                document = STRICT.readValue(output, Object.class);
            } catch (JacksonException e) {
                return new GateResult.Check(describe(), false, "its output is not JSON: " + excerpt(output));
            }
            Object value;
            try {
                value = path.read(document);
            } catch (PathNotFoundException | IllegalArgumentException e) {
                // IllegalArgumentException: the document is JSON null.
                return new GateResult.Check(describe(), false, "no value at " + expression + " in its output: " + excerpt(output));
            }
            String shown = "value " + excerpt(String.valueOf(value));
            if (equalTo != null && !equal(value, equalTo)) {
                return new GateResult.Check(describe(), false, shown);
            }
            if (atLeast != null || atMost != null) {
                BigDecimal number = number(value);
                if (number == null) {
                    return new GateResult.Check(describe(), false, shown + ", not a number");
                }
                if ((atLeast != null && number.compareTo(atLeast) < 0) || (atMost != null && number.compareTo(atMost) > 0)) {
                    return new GateResult.Check(describe(), false, shown);
                }
            }
            return new GateResult.Check(describe(), true, shown);
        }

        private static boolean equal(Object value, Object expected) {
            BigDecimal a = number(value);
            BigDecimal b = number(expected);
            return a != null && b != null ? a.compareTo(b) == 0 : String.valueOf(value).equals(String.valueOf(expected));
        }

        private static BigDecimal number(Object value) {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            return null;
        }
    }

    /** A bounded, one-line excerpt of a text. */
    static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }
}
