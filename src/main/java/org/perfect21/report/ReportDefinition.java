package org.perfect21.report;

import java.util.List;

/**
 * A report as read from its file.
 *
 * @param name   the file name without {@code .sql}
 * @param sql    the statement, header removed, with {@code :name} parameters
 * @param source where it was read from, for messages
 */
public record ReportDefinition(String name, String title, String description, List<ReportParameter> parameters, String sql,
                               String source) {

    public ReportParameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
