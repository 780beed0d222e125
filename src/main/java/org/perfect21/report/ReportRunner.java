package org.perfect21.report;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs reports. Parameters are parsed by their declared type and bound, never written into the SQL.
 * The query runs in a read-only transaction that is always rolled back, so a report cannot change
 * data even where the database treats read-only as a hint (H2 does). A report with a window ({@code -- window: from, to})
 * also gets {@code :rollup_from} and {@code :rollup_to}, computed here once a run (see {@link ReportWindow}); a caller
 * cannot give them.
 */
@Component
public class ReportRunner {

    private final ReportCatalog catalog;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final int maxRows;
    private final Clock clock;

    @Autowired
    public ReportRunner(ReportCatalog catalog, DataSource dataSource, PlatformTransactionManager transactions,
                        ReportProperties properties) {
        this(catalog, dataSource, transactions, properties, Clock.systemUTC());
    }

    ReportRunner(ReportCatalog catalog, DataSource dataSource, PlatformTransactionManager transactions,
                 ReportProperties properties, Clock clock) {
        this.catalog = catalog;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // One row more than returned tells that the report was cut.
        template.setMaxRows(properties.maxRows() + 1);
        template.setQueryTimeout((int) Math.max(1, properties.timeout().toSeconds()));
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxRows = properties.maxRows();
        this.clock = clock;
    }

    /**
     * Runs a report with parameters given as text (each may be absent: its default applies).
     *
     * @throws NoSuchReportException             when no report has this name
     * @throws InvalidReportParametersException when a parameter is unknown, malformed or missing (each is named)
     */
    public ReportResult run(String name, Map<String, String> given) {
        ReportDefinition report = catalog.get(name);
        Map<String, Object> values = bind(report, given);
        return readOnly.execute(status -> {
            // Whatever the statement did is undone: reports only read.
            status.setRollbackOnly();
            MapSqlParameterSource bound = new MapSqlParameterSource(values);
            if (report.window() != null) {
                bound.addValues(windowBounds(report.window(), values));
            }
            return jdbc.query(report.sql(), bound, (ResultSet rs) -> read(report, values, rs));
        });
    }

    /**
     * The window's derived parameters, from its typed bounds and one read of the rollup mark. Read in the report's
     * transaction but by a statement of its own: a rollup that commits in between only adds hours at or after the mark
     * read, outside the rolled-up part, and leaves the raw rows, so the report's rows are the same.
     */
    private Map<String, Object> windowBounds(ReportWindow window, Map<String, Object> values) {
        List<OffsetDateTime> marks = jdbc.getJdbcTemplate().query(ReportWindow.ROLLED_TO,
                (rs, i) -> rs.getObject(1, OffsetDateTime.class));
        // No mark (a database without the rollup row): nothing is rolled up, the raw tables answer.
        Instant rolledTo = marks.isEmpty() || marks.get(0) == null ? Instant.EPOCH : marks.get(0).toInstant();
        return ReportWindow.bounds((OffsetDateTime) values.get(window.from()), (OffsetDateTime) values.get(window.to()), rolledTo);
    }

    /** The typed values of every declared parameter: given, else the default, else null (not set). */
    Map<String, Object> bind(ReportDefinition report, Map<String, String> given) {
        Map<String, String> problems = new TreeMap<>();
        given.keySet().stream().filter(key -> report.parameter(key) == null).forEach(key -> problems.put(key,
                "report '" + report.name() + "' has no such parameter (it has: " + String.join(", ",
                        report.parameters().stream().map(ReportParameter::name).toList()) + ")"));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ReportParameter parameter : report.parameters()) {
            String text = given.get(parameter.name());
            if (text == null || text.isBlank()) {
                text = parameter.defaultValue();
            }
            if (text == null) {
                if (parameter.required()) {
                    problems.put(parameter.name(), "is required: " + parameter.type().expected());
                }
                values.put(parameter.name(), null);
                continue;
            }
            try {
                values.put(parameter.name(), parameter.type().parse(text, clock));
            } catch (IllegalArgumentException e) {
                problems.put(parameter.name(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReportParametersException(report.name(), problems);
        }
        return values;
    }

    private ReportResult read(ReportDefinition report, Map<String, Object> values, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), value(rs.getObject(i + 1)));
            }
            rows.add(row);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        values.forEach((k, v) -> params.put(k, value(v)));
        return new ReportResult(report.name(), params, List.copyOf(columns), rows, truncated);
    }

    /** Timestamps as instants, so JSON and CSV show them in ISO-8601 UTC whatever the database's type. */
    private static Object value(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value;
    }
}
