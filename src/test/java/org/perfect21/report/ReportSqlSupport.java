package org.perfect21.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Runs the shipped reports through the engine ({@link ReportCatalog}, {@link ReportRunner}) on a test database, at a
 * fixed "now", and gives their rows as comparable text: the same on H2 and PostgreSQL.
 */
final class ReportSqlSupport {

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ReportCatalog CATALOG = new ReportCatalog();

    private ReportSqlSupport() {
    }

    /** A report's columns and rows, every value as {@link #text}. */
    record Rows(List<String> columns, List<List<String>> values) {
    }

    static Collection<ReportDefinition> all() {
        return CATALOG.all();
    }

    static ReportDefinition report(String name) {
        return CATALOG.get(name);
    }

    /**
     * Runs a report: parameters in {@code values} (an Instant, OffsetDateTime, number, boolean or String) are given to
     * the engine as text, as the API and the command line give them; the others take their defaults.
     */
    static Rows run(NamedParameterJdbcTemplate jdbc, ReportDefinition report, Map<String, ?> values, Instant now) {
        DataSource dataSource = jdbc.getJdbcTemplate().getDataSource();
        ReportRunner runner = new ReportRunner(CATALOG, dataSource, new DataSourceTransactionManager(dataSource),
                new ReportProperties(100_000, Duration.ofMinutes(1)), Clock.fixed(now, ZoneOffset.UTC));
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((name, value) -> given.put(name, value == null ? null : value.toString()));
        ReportResult result = runner.run(report.name(), given);
        return new Rows(result.columns(), result.rows().stream()
                .map(row -> result.columns().stream().map(column -> text(row.get(column))).toList()).toList());
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
        return value.toString();
    }

    /** Whether a label is lower_snake_case. */
    static boolean label(String label) {
        return LABEL.matcher(label).matches();
    }

    /** Parameter values by name, for {@link #run}: pairs of name and value. */
    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
