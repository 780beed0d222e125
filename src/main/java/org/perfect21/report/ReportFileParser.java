package org.perfect21.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report file: a header of {@code --} comment lines ({@code title:}, {@code description:},
 * {@code param:} lines; other comment lines continue the description), then one SELECT statement.
 * Rejects anything else, so a report file cannot hold a second statement.
 */
final class ReportFileParser {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,99}");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PARAM = Pattern.compile(
            "([a-z][a-z0-9_]*)\\s+([a-z]+)(?:\\s*=\\s*([^#]*?))?\\s*(?:#\\s*(.*))?");

    private ReportFileParser() {
    }

    static ReportDefinition parse(String name, String source, String text) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidReportException(source, 0, "'" + name + "' is not a report name (lower-case letters, digits, '-', '_')");
        }
        String[] lines = text.split("\r?\n", -1);
        String title = null;
        StringBuilder description = new StringBuilder();
        List<ReportParameter> parameters = new ArrayList<>();
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
                ReportParameter parameter = parameter(comment.substring("param:".length()).trim(), source, lineNumber);
                if (parameters.stream().anyMatch(p -> p.name().equals(parameter.name()))) {
                    throw new InvalidReportException(source, lineNumber, "parameter '" + parameter.name() + "' is declared twice");
                }
                parameters.add(parameter);
            } else if (!description.isEmpty() && !comment.isEmpty()) {
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
        for (ReportParameter parameter : parameters) {
            if (!used.contains(parameter.name())) {
                throw new InvalidReportException(source, 0, "parameter '" + parameter.name() + "' is declared but not used");
            }
        }
        for (String parameter : used) {
            if (parameters.stream().noneMatch(p -> p.name().equals(parameter))) {
                throw new InvalidReportException(source, 0, ":" + parameter + " is used but not declared in a '-- param:' line");
            }
        }
        return new ReportDefinition(name, title, description.isEmpty() ? null : description.toString(), List.copyOf(parameters),
                sql, source);
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
