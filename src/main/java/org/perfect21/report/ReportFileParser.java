package org.perfect21.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report file: a header of {@code --} comment lines ({@code title:}, {@code description:}, {@code param:} lines
 * and at most one {@code window:} line; other comment lines continue the description up to the first {@code param:} or
 * {@code window:} line and are notes after it), then one SELECT statement.
 * Rejects anything else, so a report file cannot hold a second statement.
 */
final class ReportFileParser {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,99}");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PARAM = Pattern.compile(
            "([a-z][a-z0-9_]*)\\s+([a-z]+)(?:\\s*=\\s*([^#]*?))?\\s*(?:#\\s*(.*))?");
    private static final Pattern WINDOW = Pattern.compile("([a-z][a-z0-9_]*)\\s*,\\s*([a-z][a-z0-9_]*)");

    private ReportFileParser() {
    }

    static ReportDefinition parse(String name, String source, String text) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidReportException(source, 0, "'" + name + "' is not a report name (lower-case letters, digits, '-', '_')");
        }
        String[] lines = text.split("\r?\n", -1);
        String title = null;
        StringBuilder description = new StringBuilder();
        // Comment lines continue the description until the first param or window line; later ones are notes for
        // whoever reads the file (how to run it by hand, say), not part of the description.
        boolean describing = true;
        List<ReportParameter> parameters = new ArrayList<>();
        ReportWindow window = null;
        int windowLine = 0;
        int body = 0;
        for (; body < lines.length; body++) {
            String line = lines[body].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                break;
            }
            String comment = line.substring(2).trim();
            int lineNumber = body + 1;
            if (comment.startsWith("title:")) {
                title = comment.substring("title:".length()).trim();
            } else if (comment.startsWith("description:")) {
                description.append(comment.substring("description:".length()).trim());
            } else if (comment.startsWith("param:")) {
                describing = false;
                ReportParameter parameter = parameter(comment.substring("param:".length()).trim(), source, lineNumber);
                if (parameters.stream().anyMatch(p -> p.name().equals(parameter.name()))) {
                    throw new InvalidReportException(source, lineNumber, "parameter '" + parameter.name() + "' is declared twice");
                }
                parameters.add(parameter);
            } else if (comment.startsWith("window:")) {
                describing = false;
                if (window != null) {
                    throw new InvalidReportException(source, lineNumber, "the window is declared twice (first on line " + windowLine + ")");
                }
                window = window(comment.substring("window:".length()).trim(), source, lineNumber);
                windowLine = lineNumber;
            } else if (describing && !description.isEmpty() && !comment.isEmpty()) {
                description.append(' ').append(comment);
            }
        }
        if (title == null || title.isEmpty()) {
            throw new InvalidReportException(source, 1, "the header needs a '-- title: ...' line");
        }
        StringBuilder statement = new StringBuilder();
        for (int i = body; i < lines.length; i++) {
            statement.append(lines[i]).append('\n');
        }
        String sql = checkStatement(statement.toString().strip(), source, body + 1);
        Set<String> used = parametersIn(sql);
        if (window != null) {
            checkWindow(window, parameters, used, source, windowLine);
        }
        checkUsed(parameters, window, used, source);
        return new ReportDefinition(name, title, description.isEmpty() ? null : description.toString(), List.copyOf(parameters),
                sql, source, window);
    }

    /** Every declared parameter is used, and every parameter used is declared (or derived from the window). */
    private static void checkUsed(List<ReportParameter> parameters, ReportWindow window, Set<String> used, String source) {
        for (ReportParameter parameter : parameters) {
            if (!used.contains(parameter.name())) {
                throw new InvalidReportException(source, 0, "parameter '" + parameter.name() + "' is declared but not used");
            }
        }
        for (String parameter : used) {
            boolean derived = ReportWindow.DERIVED.contains(parameter);
            if (window != null && derived || parameters.stream().anyMatch(p -> p.name().equals(parameter))) {
                continue;
            }
            throw new InvalidReportException(source, 0, ":" + parameter + " is used but not declared in a '-- param:' line"
                    + (derived ? "; it is derived from the window: declare one with '-- window: <from>, <to>'" : ""));
        }
    }

    private static ReportWindow window(String text, String source, int line) {
        Matcher m = WINDOW.matcher(text);
        if (!m.matches()) {
            throw new InvalidReportException(source, line, "'window: " + text + "' is not 'window: <from parameter>, <to parameter>'");
        }
        if (m.group(1).equals(m.group(2))) {
            throw new InvalidReportException(source, line, "the window needs two parameters, from and to, not '" + m.group(1) + "' twice");
        }
        return new ReportWindow(m.group(1), m.group(2));
    }

    /**
     * The window's parameters are declared timestamps that always have a value, the derived ones are not declared, and
     * the statement uses both derived ones (else the window is of no use).
     */
    private static void checkWindow(ReportWindow window, List<ReportParameter> parameters, Set<String> used, String source,
                                    int line) {
        for (String name : List.of(window.from(), window.to())) {
            ReportParameter parameter = parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InvalidReportException(source, line, "window parameter '" + name
                            + "' is not declared in a '-- param:' line"));
            if (parameter.type() != ParameterType.TIMESTAMP) {
                throw new InvalidReportException(source, line, "window parameter '" + name + "' is " + parameter.type().keyword()
                        + ", not timestamp");
            }
            if (!parameter.required() && parameter.defaultValue() == null) {
                throw new InvalidReportException(source, line, "window parameter '" + name
                        + "' may be not set; give it a default or make it required");
            }
        }
        for (String derived : List.of(ReportWindow.ROLLUP_FROM, ReportWindow.ROLLUP_TO)) {
            if (parameters.stream().anyMatch(p -> p.name().equals(derived))) {
                throw new InvalidReportException(source, line, "parameter '" + derived
                        + "' is derived from the window and cannot be declared");
            }
            if (!used.contains(derived)) {
                throw new InvalidReportException(source, line, "the window is declared but :" + derived + " is not used");
            }
        }
    }

    private static ReportParameter parameter(String text, String source, int line) {
        Matcher m = PARAM.matcher(text);
        if (!m.matches()) {
            throw new InvalidReportException(source, line, "'param: " + text + "' is not 'param: <name> <type> [= <default>] [# <description>]'");
        }
        String name = m.group(1);
        if (!PARAM_NAME.matcher(name).matches()) {
            throw new InvalidReportException(source, line, "'" + name + "' is not a parameter name (lower_snake_case)");
        }
        ParameterType type = ParameterType.of(m.group(2));
        if (type == null) {
            throw new InvalidReportException(source, line, "parameter '" + name + "' has unknown type '" + m.group(2)
                    + "' (timestamp, text, integer, number, boolean)");
        }
        boolean hasDefault = text.contains("=") && (m.group(3) != null);
        String defaultValue = hasDefault && !m.group(3).isBlank() ? m.group(3).trim() : null;
        if (defaultValue != null) {
            try {
                type.parse(defaultValue, java.time.Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new InvalidReportException(source, line, "default of '" + name + "': " + e.getMessage());
            }
        }
        String description = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4).trim();
        return new ReportParameter(name, type, !hasDefault, defaultValue, description);
    }

    /** One SELECT statement; a trailing semicolon is dropped, any other is refused. */
    private static String checkStatement(String sql, String source, int line) {
        String withoutEnd = sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
        String code = codeOnly(withoutEnd);
        String first = code.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (first.equals("WITH")) {
            // H2 2.4 answered a repeated WITH query over a UNION of parameterized parts from its previous result.
            throw new InvalidReportException(source, line, "WITH is not supported: H2 can answer a repeated WITH query from its"
                    + " previous result with other parameters; write the parts as derived tables (FROM (SELECT ...) name)");
        }
        if (!first.equals("SELECT")) {
            throw new InvalidReportException(source, line, "a report is one SELECT statement, not " + first);
        }
        if (code.indexOf(';') >= 0) {
            throw new InvalidReportException(source, line, "a report holds one statement: ';' may only end it");
        }
        return withoutEnd;
    }

    /** The named parameters ({@code :name}) outside literals and comments; a PostgreSQL cast {@code ::type} is not one. */
    static Set<String> parametersIn(String sql) {
        String code = codeOnly(sql);
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?<![:\\w]):([a-zA-Z_][a-zA-Z0-9_]*)").matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The SQL with string literals, quoted identifiers and comments blanked out. */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(" ".repeat(Math.min(sql.length(), end + 1) - i));
                i = end + 1;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(" ".repeat(end - i));
                i = end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
