package org.perfect21.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The picocli model of the command line. Spring Boot's {@code --name.with.dots=value} overrides are split off first. */
final class CliArguments {

    private static final String DEBUG = "also log what Spring Batch and the platform log, stack traces of failures included "
            + "(without it a failure is one line of the table or document)";

    private CliArguments() {
    }

    @Command(name = "perfect21", mixinStandardHelpOptions = true, version = "Perfect21 0.1",
            description = "Runs multi-agent workflows as partitioned Spring Batch jobs on an embedded H2 database.",
            subcommands = {Serve.class, Run.class, Restart.class, Watch.class, Runs.class, Show.class, Output.class,
                    Validate.class, Purge.class, Report.class},
            footer = {"", "Without a command the REST API server starts (as with serve).",
                    "", "Spring Boot properties may be given as --name=value, for example:",
                    "  --perfect21.data-dir=/tmp/p21 --perfect21.jobs-dir=./jobs --server.port=9090"})
    static final class Top implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Starts the REST API server (port 8080, --server.port or SERVER_PORT to change) on the same "
                    + "database and definitions as the other commands, until the process is stopped.",
                    "Bearer tokens come from perfect21.tokens (PERFECT21_TOKENS), for example",
                    "  PERFECT21_TOKENS=admin:<token>,viewer:<token>",
                    "Without them an admin token is generated into <data-dir>/admin-token and the server listens on "
                    + "127.0.0.1 only."},
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:the server stopped", "2:the server could not start"})
    static final class Serve {
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs one workflow to completion and prints a per-phase, per-agent summary.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:the run COMPLETED", "1:the run FAILED", "2:usage or definition error"})
    static final class Run {
        @Parameters(index = "0", paramLabel = "WORKFLOW", description = "a workflow name from the jobs directory, or a path to a .yml file")
        String workflow;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a workflow parameter (repeatable)")
        List<String> params = new ArrayList<>();

        @Option(names = "--json", description = "print only the run document as JSON on stdout (logs go to stderr)")
        boolean json;

        @Option(names = "--quiet", description = "print only the line that says how the run ended")
        boolean quiet;

        @Option(names = "--debug", description = DEBUG)
        boolean debug;

        Map<String, String> paramMap() {
            return CliArguments.paramMap(params);
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restarts a failed run: completed phases and agents are kept, the rest run again.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:the run COMPLETED", "1:the run FAILED again", "2:usage error, unknown run, or nothing to restart"})
    static final class Restart {
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run to restart")
        String runId;

        @Option(names = "--json", description = "print only the run document as JSON on stdout")
        boolean json;

        @Option(names = "--quiet", description = "print only the line that says how the run ended")
        boolean quiet;

        @Option(names = "--debug", description = DEBUG)
        boolean debug;
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = {"Shows the progress of a run another process executes, read from the database twice a "
                    + "second until the run ends, then prints its table.",
                    "Beside a running server on the same data directory it reads the server's database (H2's mixed "
                    + "mode); agents running there show once they end."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:the run has ended (its table says how)", "2:usage error, unknown run, or the database could "
                    + "not be opened"})
    static final class Watch {
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run to watch")
        String runId;
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists runs, newest first.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:listed",
                    "2:usage error (an unknown status), or the database could not be opened"})
    static final class Runs {
        @Option(names = "--workflow", paramLabel = "NAME", description = "only runs of this workflow")
        String workflow;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "only runs in this status: QUEUED, STARTING, RUNNING, COMPLETED, FAILED or STOPPED")
        String status;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most this many runs (default 20)")
        int limit;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a run as run prints it: its per-phase, per-agent table, or its run document.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:shown",
                    "2:unknown run, or the database could not be opened"})
    static final class Show {
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run to show")
        String runId;

        @Option(names = "--json", description = "print the run document as JSON")
        boolean json;
    }

    @Command(name = "output", mixinStandardHelpOptions = true,
            description = {"Prints the output stored for an agent of a run, as the agent wrote it.",
                    "A forEach agent's instances are named AGENT[0], AGENT[1], ...; when the stored output was cut, "
                    + "a note says so on stderr."},
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:printed",
                    "2:unknown run, agent, phase or iteration, the agent ran in several phases and --phase is missing, "
                    + "or the database could not be opened"})
    static final class Output {
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run")
        String runId;

        @Parameters(index = "1", paramLabel = "AGENT", description = "the agent, or a forEach instance such as review[3]")
        String agent;

        @Option(names = "--phase", paramLabel = "PHASE", description = "the phase, when the agent ran in several")
        String phase;

        @Option(names = "--iteration", paramLabel = "N",
                description = "the iteration, when a gate's repeat ran the phase again (default: the latest)")
        Integer iteration;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks agent (.md) and workflow (.yml) definitions and reports every problem.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:all valid", "2:problems found"})
    static final class Validate {
        @Parameters(paramLabel = "PATH", arity = "0..*",
                description = "files or directories to check; default: the jobs directory")
        List<String> paths = new ArrayList<>();
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Deletes the runs past the retention limits now, with everything they own: runs that ended "
                    + "longer ago than perfect21.retention.max-age (30d), and the oldest beyond the newest "
                    + "perfect21.retention.max-runs (10000). Queued and running runs are never touched.",
                    "The server also purges on perfect21.retention.cron (daily at 03:00); stop it first, as it holds the "
                    + "embedded database."},
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:purged (or counted, with --dry-run)",
                    "2:usage error, or the database could not be opened"})
    static final class Purge {
        @Option(names = "--dry-run", description = "delete nothing; print what would be deleted")
        boolean dryRun;

        @Option(names = "--json", description = "print only the purge report as JSON on stdout")
        boolean json;
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Without a name, lists the admin reports (db/reports), one line each; with one, runs it "
                    + "read-only against the database and prints its rows.",
                    "Stop the server first: it holds the embedded database (or use GET /api/reports/NAME)."},
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:listed, or the report ran",
                    "2:unknown report, bad parameter, or the database could not be opened"})
    static final class Report {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the report to run")
        String name;

        @Option(names = "--param", paramLabel = "KEY=VALUE",
                description = "a report parameter (repeatable), e.g. --param from=now-24h --param workflow=nightly")
        List<String> params = new ArrayList<>();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table (default), csv (header row, RFC 4180) or json")
        Format format;

        Map<String, String> paramMap() {
            return CliArguments.paramMap(params);
        }

        enum Format { table, csv, json }
    }

    /** {@code key=value} pairs of repeated {@code --param} options; a key given twice is an error. */
    static Map<String, String> paramMap(List<String> params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param '" + param + "' must look like key=value");
            }
            if (map.put(param.substring(0, eq), param.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("--param '" + param.substring(0, eq) + "' is given twice");
            }
        }
        return map;
    }

    /** Splits {@code --some.property=value} (Spring Boot overrides) from the command's own arguments. */
    static Map<Boolean, List<String>> split(String[] args) {
        List<String> boot = new ArrayList<>();
        List<String> cli = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            boolean property = arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".");
            (property ? boot : cli).add(arg);
        }
        return Map.of(true, boot, false, cli);
    }
}
