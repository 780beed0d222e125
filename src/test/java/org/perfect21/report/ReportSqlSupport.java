package org.perfect21.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A stand-in for the report engine in tests: reads {@code db/reports/*.sql} from the classpath, parses the header
 * strictly as the engine will (title, description, {@code param:} lines), binds parameters the engine's way
 * (timestamps as UTC {@link OffsetDateTime}, integer as Long, number as Double, boolean, text, SQL NULL when not set)
 * through {@link NamedParameterJdbcTemplate}, and returns rows with lower-case labels and values as comparable text.
 * Public for the benchmark ({@code org.perfect21.bench.ReportBench}).
 */
public final class ReportSqlSupport {

    static final List<String> TYPES = List.of("timestamp", "text", "integer", "number", "boolean");

    private static final Pattern HEADER = Pattern.compile("^--\\s*(title|description|param):\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile(
            "^([a-z][a-z0-9_]*)\\s+(timestamp|text|integer|number|boolean)(\\s*=\\s*([^#]*?))?\\s*(#\\s*(.*))?$");
    private static final Pattern RELATIVE = Pattern.compile("^now(-(\\d+)([dhms]))?$");
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

    private ReportSqlSupport() {
    }

    /** One declared parameter; {@code defaultText} null when required, "" when its default is "not set". */
    public record Param(String name, String type, String defaultText, String description) {

        boolean required() {
            return defaultText == null;
        }
    }

    /** A parsed report file. */
    public record Report(String name, String title, String description, List<Param> params, String sql) {

        Param param(String name) {
            return params.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(this.name + ": no parameter " + name));
        }
    }

    /** Rows of a result: labels and values as text ({@link #text}), in order. */
    public record Rows(List<String> columns, List<List<String>> values) {
    }

    /** Every report on the classpath, by name. */
    public static List<Report> all() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/reports/*.sql");
            List<Report> reports = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    String name = file.getFilename().substring(0, file.getFilename().length() - ".sql".length());
                    reports.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            reports.sort(Comparator.comparing(Report::name));
            return reports;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Report report(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no report " + name));
    }

    /** Parses a report file: a header of {@code --} lines, then one SELECT or WITH statement. */
    static Report parse(String name, String text) {
        String title = null;
        String description = null;
        List<Param> params = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int body = 0;
        while (body < lines.length && (lines[body].startsWith("--") || lines[body].isBlank())) {
            String line = lines[body++].strip();
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                continue;
            }
            String value = header.group(2).strip();
            switch (header.group(1)) {
                case "title" -> title = value;
                case "description" -> description = value;
                default -> {
                    Matcher param = PARAM.matcher(value);
                    if (!param.matches()) {
                        throw new IllegalArgumentException(name + ": bad param line: " + line);
                    }
                    String defaultText = param.group(3) == null ? null : param.group(4).strip();
                    Param p = new Param(param.group(1), param.group(2), defaultText,
                            param.group(6) == null ? null : param.group(6).strip());
                    if (params.stream().anyMatch(other -> other.name().equals(p.name()))) {
                        throw new IllegalArgumentException(name + ": parameter declared twice: " + p.name());
                    }
                    if (p.defaultText() != null && !p.defaultText().isEmpty()) {
                        value(p, p.defaultText(), Instant.now());
                    }
                    params.add(p);
                }
            }
        }
        if (title == null || title.isEmpty() || description == null || description.isEmpty()) {
            throw new IllegalArgumentException(name + ": title and description are required");
        }
        String sql = String.join("\n", List.of(lines).subList(body, lines.length)).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        String first = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (!first.equals("SELECT") && !first.equals("WITH")) {
            throw new IllegalArgumentException(name + ": the statement must start with SELECT or WITH");
        }
        if (code(sql).contains(";")) {
            throw new IllegalArgumentException(name + ": one statement only");
        }
        Set<String> declared = new LinkedHashSet<>();
        params.forEach(p -> declared.add(p.name()));
        Set<String> used = parameters(sql);
        if (!declared.equals(used)) {
            throw new IllegalArgumentException(name + ": declared " + declared + " but the SQL uses " + used);
        }
        return new Report(name, title, description, List.copyOf(params), sql);
    }

    /** The SQL without string literals, quoted identifiers and comments (they are blanked). */
    static String code(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote");
                }
                out.append(" ".repeat(end + 1 - i));
                i = end + 1;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The {@code :name} parameters the SQL uses (a {@code ::} cast is not portable and is refused). */
    static Set<String> parameters(String sql) {
        String code = code(sql);
        if (code.contains("::")) {
            throw new IllegalArgumentException(":: casts are PostgreSQL-only");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)").matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A parameter's value from its text, as the engine binds it. */
    static Object value(Param param, String text, Instant now) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (param.type()) {
            case "timestamp" -> {
                Matcher relative = RELATIVE.matcher(text);
                Instant at;
                if (relative.matches()) {
                    at = relative.group(1) == null ? now : now.minus(Duration.ofSeconds(Long.parseLong(relative.group(2)) * switch (relative.group(3)) {
                        case "d" -> 86_400L;
                        case "h" -> 3_600L;
                        case "m" -> 60L;
                        default -> 1L;
                    }));
                } else {
                    at = Instant.parse(text);
                }
                yield at.atOffset(ZoneOffset.UTC);
            }
            case "integer" -> Long.valueOf(text);
            case "number" -> Double.valueOf(text);
            case "boolean" -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean: " + text);
            };
            default -> text;
        };
    }

    /**
     * Runs a report: each parameter takes its value from {@code values} (an Instant, OffsetDateTime, number, String, or
     * null for "not set") when present, else its default; a required one without a value is refused.
     */
    public static Rows run(NamedParameterJdbcTemplate jdbc, Report report, Map<String, ?> values, Instant now) {
        MapSqlParameterSource source = new MapSqlParameterSource();
        for (Param param : report.params()) {
            Object value;
            if (values.containsKey(param.name())) {
                value = bindable(param, values.get(param.name()));
            } else if (param.required()) {
                throw new IllegalArgumentException(report.name() + ": parameter " + param.name() + " is required");
            } else {
                value = value(param, param.defaultText(), now);
            }
            source.addValue(param.name(), value);
        }
        for (String name : values.keySet()) {
            report.param(name);
        }
        return jdbc.query(report.sql(), source, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(text(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new Rows(columns, rows);
        });
    }

    private static Object bindable(Param param, Object value) {
        if (value == null) {
            return null;
        }
        return switch (param.type()) {
            case "timestamp" -> value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                    : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
            case "integer" -> ((Number) value).longValue();
            case "number" -> ((Number) value).doubleValue();
            case "boolean" -> (Boolean) value;
            default -> (String) value;
        };
    }

    /**
     * A value as comparable text, the same on H2 and PostgreSQL: numbers in plain notation without trailing zeros,
     * instants in ISO-8601 UTC, null as null.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return text(new BigDecimal(value.toString()));
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof Instant t) {
            return t.toString();
        }
        return value.toString();
    }

    /** Whether a label is lower_snake_case. */
    static boolean label(String label) {
        return LABEL.matcher(label).matches();
    }

    /** Parameter values by name, for {@link #run}: pairs of name and value (values may be null). */
    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
