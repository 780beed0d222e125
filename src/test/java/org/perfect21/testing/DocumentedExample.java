package org.perfect21.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An example in the documentation, marked {@code <!-- example: id -->} on the line before a fenced block or a
 * table, so a test can hold it against what the code does today.
 */
public final class DocumentedExample {

    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    // A measured duration (171ms, 1.2s, 2m5s): its units change with its length as well as its figures.
    private static final Pattern DURATION = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?(ms|[dhms])(\\d+(ms|[dhms]))*(?!\\w)");

    private DocumentedExample() {
    }

    /** The text of example {@code id} in {@code page} (a fenced block's lines, or a table's rows). */
    public static String in(String page, String id) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(page), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = lines.indexOf("<!-- example: " + id + " -->");
        assertThat(at).as(page + " has the example '" + id + "'").isNotNegative();
        List<String> example = new ArrayList<>();
        Iterator<String> rest = lines.subList(at + 1, lines.size()).iterator();
        String first = rest.next();
        if (first.startsWith("```")) {
            for (String line; rest.hasNext() && !(line = rest.next()).startsWith("```"); ) {
                example.add(line);
            }
        } else {
            example.add(first);
            for (String line; rest.hasNext() && (line = rest.next()).startsWith("|"); ) {
                example.add(line);
            }
        }
        return String.join("\n", example);
    }

    /** Text with what changes from run to run (ids, instants, durations, numbers, alignment) masked, line by line. */
    public static List<String> masked(String text) {
        return text.strip().lines().map(line -> NUMBER.matcher(DURATION.matcher(INSTANT.matcher(ID.matcher(line).replaceAll("<id>"))
                        .replaceAll("<instant>")).replaceAll("<duration>")).replaceAll("<n>").replaceAll("\\s+", " ").strip())
                .toList();
    }

    /** The documented output matches the real one but for what changes from run to run. */
    public static void assertMatches(String documented, String actual) {
        assertThat(masked(actual)).as("the documented example, with ids, instants and numbers masked")
                .isEqualTo(masked(documented));
    }

    /**
     * A documented JSON document has the real one's shape: the same fields in the same order with values of the
     * same types, at every level (arrays compared by their first elements; the example may list fewer).
     */
    public static void assertSameShape(JsonNode documented, JsonNode actual, String path) {
        assertThat(actual.getNodeType()).as(path).isEqualTo(documented.getNodeType());
        if (documented.isObject()) {
            assertThat(actual.propertyNames()).as(path + " fields").containsExactlyElementsOf(documented.propertyNames());
            for (String name : documented.propertyNames()) {
                assertSameShape(documented.get(name), actual.get(name), path + "." + name);
            }
        } else if (documented.isArray() && !documented.isEmpty()) {
            assertThat(actual.size()).as(path + " elements").isPositive();
            assertSameShape(documented.get(0), actual.get(0), path + "[0]");
        }
    }
}
