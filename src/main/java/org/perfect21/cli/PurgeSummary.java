package org.perfect21.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.perfect21.retention.PurgeReport;
import org.perfect21.workflow.DurationText;

/** Prints a purge report: runs and rows deleted (or that would be), the limits applied, and rows per table. */
final class PurgeSummary {

    private PurgeSummary() {
    }

    static void print(PurgeReport report, PrintStream out) {
        out.printf("%s %s, %s in %s (purge %d)%n", report.dryRun() ? "dry run: would delete" : "deleted",
                Plurals.count(report.runsDeleted(), "run"), Plurals.count(report.rowsDeleted(), "row"),
                report.durationMs() == null ? "-" : DurationText.ofMillis(report.durationMs()), report.id());
        out.printf("runs that ended before %s, or older than the newest %s; queued and running runs are kept%n",
                report.cutoff().truncatedTo(ChronoUnit.SECONDS), Plurals.count(report.maxRuns(), "run"));
        for (Map.Entry<String, Long> table : report.rowsByTable().entrySet()) {
            out.printf("  %-30s %10d%n", table.getKey(), table.getValue());
        }
    }
}
