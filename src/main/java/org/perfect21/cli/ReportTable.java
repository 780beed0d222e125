package org.perfect21.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.perfect21.report.ReportDefinition;
import org.perfect21.report.ReportResult;

/** Prints reports as aligned text: the list of reports, or one report's rows. */
final class ReportTable {

    // A cell longer than this (an error message, a long agent list) is cut, so rows stay one line each.
    private static final int WIDEST = 60;

    private ReportTable() {
    }

    /** One line per report: its name and title (its parameters are on the reports page, and named by errors). */
    static void list(Collection<ReportDefinition> reports, PrintStream out) {
        int width = reports.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        for (ReportDefinition report : reports) {
            out.printf("%-" + width + "s  %s%n", report.name(), report.title());
        }
        out.println("(" + Plurals.count(reports.size(), "report") + "; perfect21 report NAME runs one)");
    }

    static void print(ReportResult result, PrintStream out) {
        List<String> columns = result.columns();
        List<List<String>> cells = new ArrayList<>();
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (Map<String, Object> row : result.rows()) {
            List<String> line = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                String cell = cell(row.get(columns.get(i)));
                widths[i] = Math.max(widths[i], cell.length());
                line.add(cell);
            }
            cells.add(line);
        }
        out.println(line(columns, widths));
        cells.forEach(line -> out.println(line(line, widths)));
        out.printf("(%s%s)%n", Plurals.count(result.rows().size(), "row"), result.truncated() ? ", cut at perfect21.reports.max-rows" : "");
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append("  ");
            }
            out.append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return out.toString().stripTrailing();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().replaceAll("\\s+", " ");
        return text.length() > WIDEST ? text.substring(0, WIDEST - 3) + "..." : text;
    }
}
