package org.perfect21.report;

import java.util.List;

/**
 * A report as read from its file.
 *
 * @param name   the file name without {@code .sql}
 * @param sql    the statement, header removed, with {@code :name} parameters
 * @param source where it was read from, for messages
 * @param window the parameters bounding its window ({@code -- window: from, to}), from which the runner derives
 *               {@code :rollup_from} and {@code :rollup_to}; null when it declares none
 */
public record ReportDefinition(String name, String title, String description, List<ReportParameter> parameters, String sql,
                               String source, ReportWindow window) {

    /** A report without a window. */
    public ReportDefinition(String name, String title, String description, List<ReportParameter> parameters, String sql,
                            String source) {
        this(name, title, description, parameters, sql, source, null);
    }

    public ReportParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
