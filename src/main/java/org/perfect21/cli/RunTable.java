package org.perfect21.cli;

import java.io.PrintStream;
import java.math.RoundingMode;
import java.util.Locale;

import org.perfect21.history.RunDocument;
import org.perfect21.usage.Usage;
import org.perfect21.workflow.DurationText;

/** Prints a run document as a per-phase, per-agent table. */
final class RunTable {

    private static final String ROW = "%-20s %-24s %-10s %9s %8s %10s %-6s %s";

    private RunTable() {
    }

    /** A gate's verdict after the phase's line: passed, or the first check that failed. */
    private static String gate(RunDocument.Gate gate) {
        if (gate == null) {
            return "";
        }
        return gate.passed() ? "; gate passed" : "; gate failed: " + gate.checks().stream().filter(c -> !c.passed()).findFirst()
                .map(c -> OneLine.of(c.check() + ": " + c.detail())).orElse("");
    }

    static void print(RunDocument run, PrintStream out) {
        printHeadline(run, out);
        if (run.error() != null) {
            out.println("error: " + run.error());
        }
        row(out, "PHASE", "AGENT", "STATUS", "DURATION", "ATTEMPTS", "OUTPUT", "CACHE", "ERROR");
        for (RunDocument.Phase phase : run.phases()) {
            // A phase a gate's repeat ran again is shown once per iteration: review#2.
            String name = phase.iteration() > 1 ? phase.name() + "#" + phase.iteration() : phase.name();
            for (RunDocument.Agent agent : phase.agents()) {
                row(out, name, agent.agent(), agent.status(), millis(agent.durationMs()), agent.attempts(),
                        bytes(agent.outputBytes()) + (agent.outputTruncated() ? "*" : ""),
                        agent.cacheTier() == null ? "" : agent.cacheTier().toLowerCase(Locale.ROOT),
                        agent.error() == null ? "" : OneLine.of(agent.error()));
            }
            out.printf("%-20s %s: %d of %d succeeded (%d required) in %s%s%n", "", phase.status(), phase.succeeded(),
                    phase.agents().size(), phase.required(), millis(phase.durationMs()), gate(phase.gate()));
        }
        RunDocument.Context context = run.context();
        if (context != null) {
            out.printf("context %s of %s, %s, %d evicted, %d cut%n", bytes(context.bytes()), bytes(context.budgetBytes()),
                    Plurals.count(context.entries(), "entry", "entries"), context.evictions(), context.cuts());
        }
        Usage usage = run.usage();
        if (usage != null && !usage.hasNoFigure()) {
            Long total = usage.totalTokens();
            out.printf("usage %s %s (input %s, output %s, cache read %s, cache write %s), cost %s%n",
                    count(total), total != null && total == 1 ? "token" : "tokens", count(usage.inputTokens()), count(usage.outputTokens()),
                    count(usage.cacheReadTokens()), count(usage.cacheWriteTokens()),
                    usage.costUsd() == null ? "unknown" : "$" + usage.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString());
        }
    }

    /** The table's first line: the run, its workflow, how it ended and in how long (all that --quiet prints). */
    static void printHeadline(RunDocument run, PrintStream out) {
        out.printf("run %s  workflow %s  %s in %s%n", run.runId(), run.workflow(), run.status(), millis(run.durationMs()));
    }

    private static String count(Long value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    // Empty trailing columns leave no trailing blanks.
    private static void row(PrintStream out, Object... cells) {
        out.println(String.format(ROW, cells).stripTrailing());
    }

    private static String millis(Long ms) {
        return ms == null ? "-" : DurationText.ofMillis(ms);
    }

    private static String bytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

}
