package org.perfect21.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.perfect21.cli.live.LiveProgress;
import org.perfect21.execution.RunNotRestartableException;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.NoSuchOutputException;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.report.InvalidReportParametersException;
import org.perfect21.report.NoSuchReportException;
import org.perfect21.report.ReportCatalog;
import org.perfect21.report.ReportCsv;
import org.perfect21.report.ReportResult;
import org.perfect21.report.ReportRunner;
import org.perfect21.retention.PurgeReport;
import org.perfect21.retention.PurgeTrigger;
import org.perfect21.retention.RunPurger;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.InvalidDefinitionsException;
import org.perfect21.workflow.InvalidParametersException;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Carries out a parsed command inside the Spring context. */
@Component
class CliCommands {

    private final DefinitionLoader definitions;
    private final ObjectProvider<WorkflowRunner> runner;
    private final ObjectProvider<RunPurger> purger;
    private final CliJson json;
    private final ObjectProvider<ReportCatalog> reports;
    private final ObjectProvider<ReportRunner> reportRunner;
    private final ObjectProvider<LiveProgress> live;
    private final RunHistoryCommands history;
    private final StepFailureLogging stepLogging;

    // The runner and the purger (and with them the database) are only created for commands that use them.
    CliCommands(DefinitionLoader definitions, ObjectProvider<WorkflowRunner> runner, ObjectProvider<RunPurger> purger,
                CliJson json, ObjectProvider<ReportCatalog> reports, ObjectProvider<ReportRunner> reportRunner,
                ObjectProvider<LiveProgress> live, RunHistoryCommands history, StepFailureLogging stepLogging) {
        this.definitions = definitions;
        this.runner = runner;
        this.purger = purger;
        this.reports = reports;
        this.reportRunner = reportRunner;
        this.live = live;
        this.json = json;
        this.history = history;
        this.stepLogging = stepLogging;
    }

    int execute(Object command, PrintStream out, PrintStream err) {
        try {
            if (command instanceof CliArguments.Run run) {
                return run(run, out);
            }
            if (command instanceof CliArguments.Restart restart) {
                RunOutput output = RunOutput.of(restart.json, restart.quiet);
                try (var logging = stepLogging.forRun(restart.debug)) {
                    return print(follow(output, out, restart.runId, () -> runner.getObject().restart(restart.runId)), output, out);
                }
            }
            if (command instanceof CliArguments.Watch watch) {
                RunTable.print(live.getObject().watch(watch.runId, out), out);
                return Perfect21Cli.OK;
            }
            if (command instanceof CliArguments.Runs runs) {
                return history.runs(runs, out);
            }
            if (command instanceof CliArguments.Show show) {
                return history.show(show, out);
            }
            if (command instanceof CliArguments.Output output) {
                return history.output(output, out, err);
            }
            if (command instanceof CliArguments.Validate validate) {
                return validate(validate, out, err);
            }
            if (command instanceof CliArguments.Purge purge) {
                return purge(purge, out);
            }
            if (command instanceof CliArguments.Report report) {
                return report(report, out);
            }
            throw new IllegalArgumentException("unknown command " + command);
        } catch (InvalidDefinitionsException e) {
            err.println(e.getMessage());
            return Perfect21Cli.USAGE;
        } catch (InvalidParametersException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return Perfect21Cli.USAGE;
        } catch (InvalidReportParametersException e) {
            e.problems().forEach((name, problem) -> err.println("error: --param " + name + ": " + problem));
            return Perfect21Cli.USAGE;
        } catch (IllegalArgumentException | NoSuchRunException | NoSuchOutputException | RunNotRestartableException
                 | NoSuchReportException e) {
            err.println("error: " + e.getMessage());
            return Perfect21Cli.USAGE;
        } catch (DataAccessException e) {
            // A database that cannot answer (no schema, a file it cannot write): one line, not a trace.
            err.println("error: the database could not answer: " + e.getMostSpecificCause().getMessage());
            return Perfect21Cli.USAGE;
        }
    }

    private int run(CliArguments.Run run, PrintStream out) {
        var params = run.paramMap();
        WorkflowDefinition workflow = resolve(run.workflow);
        RunOutput output = RunOutput.of(run.json, run.quiet);
        try (var logging = stepLogging.forRun(run.debug)) {
            return print(follow(output, out, null, () -> runner.getObject().run(workflow, params)), output, out);
        }
    }

    /** What run and restart print: the live view and the table, the run document, or the final line alone. */
    private enum RunOutput {
        TABLE, JSON, QUIET;

        static RunOutput of(boolean json, boolean quiet) {
            if (json && quiet) {
                throw new IllegalArgumentException("--json and --quiet exclude each other");
            }
            return json ? JSON : quiet ? QUIET : TABLE;
        }
    }

    // Only the table comes with a live view: --json and --quiet print nothing while the run goes on. A restart's view
    // starts from the run as stored, so the agents it keeps show as done.
    private RunDocument follow(RunOutput output, PrintStream out, String restartedRunId, java.util.function.Supplier<RunDocument> run) {
        if (output != RunOutput.TABLE) {
            return run.get();
        }
        RunDocument before = restartedRunId == null ? null : runner.getObject().document(restartedRunId);
        return live.getObject().follow(out, before, run);
    }

    private WorkflowDefinition resolve(String target) {
        Path path = Path.of(target);
        if (target.endsWith(".yml") || target.endsWith(".yaml") || target.contains("/")) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("workflow file " + path + " does not exist");
            }
            Definitions loaded = definitions.loadFiles(List.of(), List.of(path));
            return loaded.workflows().values().iterator().next();
        }
        Definitions loaded = definitions.load();
        return loaded.workflow(target).orElseThrow(() -> new IllegalArgumentException("unknown workflow '" + target
                + "' in " + definitions.jobsDir() + " (known: " + String.join(", ", loaded.workflows().keySet()) + ")"));
    }

    private int print(RunDocument document, RunOutput output, PrintStream out) {
        switch (output) {
            case JSON -> out.println(json.write(document));
            case QUIET -> RunTable.printHeadline(document, out);
            case TABLE -> RunTable.print(document, out);
        }
        return document.status() == RunStatus.COMPLETED ? Perfect21Cli.OK : Perfect21Cli.RUN_FAILED;
    }

    private int purge(CliArguments.Purge purge, PrintStream out) {
        PurgeReport report = purger.getObject().purge(PurgeTrigger.CLI, purge.dryRun);
        if (purge.json) {
            out.println(json.write(report));
        } else {
            PurgeSummary.print(report, out);
        }
        return Perfect21Cli.OK;
    }

    private int report(CliArguments.Report report, PrintStream out) {
        if (report.name == null) {
            if (!report.params.isEmpty()) {
                throw new IllegalArgumentException("--param needs a report name: perfect21 report NAME --param KEY=VALUE");
            }
            ReportTable.list(reports.getObject().all(), out);
            return Perfect21Cli.OK;
        }
        ReportResult result = reportRunner.getObject().run(report.name, report.paramMap());
        switch (report.format) {
            case json -> out.println(json.write(result));
            case csv -> out.print(ReportCsv.write(result));
            case table -> ReportTable.print(result, out);
        }
        return Perfect21Cli.OK;
    }

    private int validate(CliArguments.Validate validate, PrintStream out, PrintStream err) {
        Definitions loaded;
        if (validate.paths.isEmpty()) {
            loaded = definitions.load();
        } else {
            List<Path> agents = new ArrayList<>();
            List<Path> workflows = new ArrayList<>();
            for (String name : validate.paths) {
                classify(Path.of(name), agents, workflows);
            }
            loaded = definitions.loadFiles(agents, workflows);
        }
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        out.println("valid: " + Plurals.count(loaded.agents().size(), "agent") + ", "
                + Plurals.count(loaded.workflows().size(), "workflow"));
        return Perfect21Cli.OK;
    }

    private static void classify(Path path, List<Path> agents, List<Path> workflows) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".md")) {
                        agents.add(f);
                    } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                        workflows.add(f);
                    }
                });
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot list " + path + ": " + e.getMessage());
            }
        } else if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        } else if (path.toString().endsWith(".md")) {
            agents.add(path);
        } else if (path.toString().endsWith(".yml") || path.toString().endsWith(".yaml")) {
            workflows.add(path);
        } else {
            throw new IllegalArgumentException(path + " is neither an agent (.md) nor a workflow (.yml)");
        }
    }
}
