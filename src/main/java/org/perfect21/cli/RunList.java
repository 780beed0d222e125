package org.perfect21.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.perfect21.history.RunQueries;
import org.perfect21.workflow.DurationText;

/** Prints a page of runs as a table, newest first, one line each. */
final class RunList {

    private static final String ROW = "%-36s  %-24s  %-9s  %-8s  %-20s  %8s  %s";

    private RunList() {
    }

    static void print(RunQueries.RunPage page, PrintStream out) {
        if (page.runs().isEmpty()) {
            out.println("no runs");
            return;
        }
        row(out, "RUN", "WORKFLOW", "STATUS", "ORIGIN", "CREATED", "DURATION", "ERROR");
        for (RunQueries.RunSummary run : page.runs()) {
            row(out, run.runId(), run.workflow(), run.status(), run.origin() == null ? "" : run.origin(), instant(run.createdAt()),
                    run.durationMs() == null ? "-" : DurationText.ofMillis(run.durationMs()),
                    run.error() == null ? "" : OneLine.of(run.error()));
        }
        String shown = page.runs().size() < page.total()
                ? page.runs().size() + " of " + Plurals.count(page.total(), "run") + "; --limit N shows more"
                : Plurals.count(page.total(), "run");
        out.println("(" + shown + ")");
    }

    private static String instant(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // Empty trailing columns leave no trailing blanks.
    private static void row(PrintStream out, Object... cells) {
        out.println(String.format(ROW, cells).stripTrailing());
    }
}
