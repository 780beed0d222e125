package org.perfect21.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AmbiguousOutputException;
import org.perfect21.history.RunQueries;
import org.perfect21.history.RunStatus;
import org.perfect21.history.StoredOutputChoice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The commands that look at past runs: runs, show and output. They only read. */
@Component
class RunHistoryCommands {

    private final ObjectProvider<RunQueries> queries;
    private final ObjectProvider<WorkflowRunner> runner;
    private final CliJson json;

    RunHistoryCommands(ObjectProvider<RunQueries> queries, ObjectProvider<WorkflowRunner> runner, CliJson json) {
        this.queries = queries;
        this.runner = runner;
        this.json = json;
    }

    int runs(CliArguments.Runs runs, PrintStream out) {
        if (runs.limit < 1) {
            throw new IllegalArgumentException("--limit " + runs.limit + " must be at least 1");
        }
        RunStatus status = runs.status == null ? null : status(runs.status);
        RunList.print(queries.getObject().page(runs.workflow, status, 0, runs.limit), out);
        return Perfect21Cli.OK;
    }

    int show(CliArguments.Show show, PrintStream out) {
        var document = runner.getObject().document(show.runId);
        if (show.json) {
            out.println(json.write(document));
        } else {
            RunTable.print(document, out);
        }
        return Perfect21Cli.OK;
    }

    int output(CliArguments.Output output, PrintStream out, PrintStream err) {
        RunQueries.StoredOutput stored;
        try {
            stored = StoredOutputChoice.choose(queries.getObject(), output.runId, output.agent, output.phase, output.iteration);
        } catch (AmbiguousOutputException e) {
            throw new IllegalArgumentException(e.getMessage() + ": add --phase " + String.join(" or --phase ", e.phases()));
        }
        // Raw, as the agent wrote it, so that it can be piped or saved as is.
        out.print(stored.output());
        out.flush();
        if (stored.truncated()) {
            err.println("note: agent '" + output.agent + "' wrote more than is stored; this is the stored part ("
                    + Plurals.count(stored.output().length(), "character") + ")");
        }
        return Perfect21Cli.OK;
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--status '" + text + "' is not a run status; valid: " + String.join(", ",
                    Arrays.stream(RunStatus.values()).map(RunStatus::name).toList()));
        }
    }
}
