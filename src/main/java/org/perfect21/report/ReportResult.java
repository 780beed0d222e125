package org.perfect21.report;

import java.util.List;
import java.util.Map;

/**
 * What a report returned.
 *
 * @param params    the values bound, defaults included (null: not set)
 * @param columns   the column names (lower case), in order
 * @param rows      each row by column name, in column order
 * @param truncated whether more rows than {@code perfect21.reports.max-rows} were left out
 */
public record ReportResult(String report, Map<String, Object> params, List<String> columns, List<Map<String, Object>> rows,
                           boolean truncated) {
}
