package org.perfect21.report;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Writes a report as CSV (RFC 4180): a header row of the column names, then one line a row. */
public final class ReportCsv {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private ReportCsv() {
    }

    public static String write(ReportResult result) {
        if (result.rows().isEmpty()) {
            // Jackson writes no header without a row; an empty report still names its columns.
            return String.join(",", result.columns().stream().map(ReportCsv::quoted).toList()) + "\n";
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        result.columns().forEach(schema::addColumn);
        return CSV.writer(schema.build()).writeValueAsString(result.rows().stream().map(ReportCsv::textValues).toList());
    }

    private static Map<String, Object> textValues(Map<String, Object> row) {
        Map<String, Object> text = new LinkedHashMap<>();
        row.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
        return text;
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9_]+") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
