package org.perfect21.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Parses the command line, then starts Spring only for commands that need it: {@code serve} (the default)
 * as a web server, the others without one. Exit codes: 0 success, 1 a run failed, 2 usage or definition error.
 */
public final class Perfect21Cli {

    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE = 2;

    private final Class<?> application;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param application the Spring Boot application class to start (the CLI is started by it, and does not
     *                    name it, so that the dependency goes one way)
     */
    public Perfect21Cli(Class<?> application, PrintStream out, PrintStream err) {
        this.application = application;
        this.out = out;
        this.err = err;
    }

    public int execute(String... args) {
        // H2's mixed mode (AUTO_SERVER in the default URL) serves the database file on a TCP port for other processes;
        // H2 binds it to every interface unless told otherwise. Read once, when H2's classes load: set it first.
        System.getProperties().putIfAbsent("h2.bindAddress", "127.0.0.1");
        Map<Boolean, List<String>> split = CliArguments.split(args);
        CommandLine commandLine = new CommandLine(new CliArguments.Top())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(split.get(false).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        }
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            CommandLine.executeHelpRequest(parsed);
            return OK;
        }
        Object command = leaf.commandSpec().userObject();
        if (!parsed.hasSubcommand() || command instanceof CliArguments.Serve) {
            // The bare jar is a server.
            return serve(split.get(true));
        }
        ConfigurableApplicationContext context;
        try {
            context = start(split.get(true), command instanceof CliArguments.Validate);
        } catch (RuntimeException e) {
            err.println("error: Perfect21 could not start: " + rootMessage(e));
            err.println("(add --logging.level.org.springframework.boot=INFO for the full report)");
            return USAGE;
        }
        try (context) {
            return context.getBean(CliCommands.class).execute(command, out, err);
        }
    }

    /** Runs the server until its context closes (Ctrl-C, SIGTERM, or a close from elsewhere), then returns 0. */
    private int serve(List<String> bootArgs) {
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .main(application)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .properties("logging.level.org.springframework.boot.SpringApplication=OFF")
                    .listeners((ApplicationListener<ContextClosedEvent>) event -> {
                        // Only the application's own context, not a child such as a separate management server.
                        if (event.getApplicationContext().getParent() == null) {
                            closed.countDown();
                        }
                    })
                    .run(bootArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("error: the Perfect21 server could not start: " + rootMessage(e));
            return USAGE;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
        return OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        boolean h2 = root.getClass().getName().startsWith("org.h2.");
        if (!h2 && isConnectionFailure(e)) {
            // PostgreSQL (or another server) that cannot be reached or refuses the credentials.
            return "cannot connect to the database (" + message.replaceAll("\\s+", " ").trim() + "): check spring.datasource.url,"
                    + " spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_URL, ..._USERNAME,"
                    + " ..._PASSWORD)";
        }
        if (message.contains("Database may be already in use") || message.contains("Connection is broken")
                || message.contains("Connection refused")) {
            // Beside a server started with the default URL (AUTO_SERVER=TRUE) a command connects to it; this is the
            // case where neither the file nor the process holding it can be reached.
            return "the database is held by another process that does not share it (" + message.replaceAll(" Possible solutions.*", "")
                    + "). Stop that process, or start both with the default spring.datasource.url (AUTO_SERVER=TRUE), "
                    + "or give this command its own --perfect21.data-dir";
        }
        return message;
    }

    /** Whether opening a JDBC connection failed somewhere in the chain (rather than a query on an open one). */
    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                                || sql.getSQLState().equals("3D000"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the one-shot context (see {@link OneShotContext}: no web server, security, OpenAPI, actuator or
     * scheduler); {@code definitionsOnly} creates beans lazily, so validating never opens the database.
     */
    ConfigurableApplicationContext start(List<String> bootArgs, boolean definitionsOnly) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .lazyInitialization(definitionsOnly)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.level.org.perfect21=WARN",
                        // Startup failures are reported in one line by execute(); the stack trace is opt-in.
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
        return OneShotContext.apply(builder).run(bootArgs.toArray(String[]::new));
    }
}
