package org.perfect21.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.perfect21.retention.PurgeReport;

/** Prints a purge report: runs and rows deleted (or that would be), the limits applied, and rows per table. */
final class PurgeSummary {

    private PurgeSummary() {
    }

    static void print(PurgeReport report, PrintStream out) {
        out.printf("%s %d run%s, %d rows in %d ms (purge %d)%n", report.dryRun() ? "dry run: would delete" : "deleted",
                report.runsDeleted(), report.runsDeleted() == 1 ? "" : "s", report.rowsDeleted(), report.durationMs(), report.id());
        out.printf("runs that ended before %s, or older than the newest %d runs; queued and running runs are kept%n",
                report.cutoff().truncatedTo(ChronoUnit.SECONDS), report.maxRuns());
        for (Map.Entry<String, Long> table : report.rowsByTable().entrySet()) {
            out.printf("  %-30s %10d%n", table.getKey(), table.getValue());
        }
    }
}
