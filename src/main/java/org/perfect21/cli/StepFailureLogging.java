package org.perfect21.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.step.AbstractStep;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Spring Batch logs every failed step at ERROR with a stack trace ({@code AbstractStep}: "Encountered an error
 * executing step"), though a failed agent or gate is a result that run and restart print in their table or document.
 * For those commands the trace is quieted, unless {@code --debug} is given or a level is set for that logger (or a
 * package above it) with {@code --logging.level.*}. The server keeps logging it.
 */
@Component
class StepFailureLogging {

    static final String STEP_LOGGER = AbstractStep.class.getName();
    private static final String[] DEBUG_LOGGERS = {"org.perfect21", "org.springframework.batch"};

    private final LoggingSystem logging;
    private final Environment environment;

    StepFailureLogging(LoggingSystem logging, Environment environment) {
        this.logging = logging;
        this.environment = environment;
    }

    /** Sets the levels for one run or restart; closing the result puts the previous ones back. */
    Restore forRun(boolean debug) {
        Map<String, LogLevel> previous = new LinkedHashMap<>();
        if (debug) {
            for (String logger : DEBUG_LOGGERS) {
                set(logger, LogLevel.INFO, previous);
            }
        } else if (!levelGivenFor(STEP_LOGGER)) {
            set(STEP_LOGGER, LogLevel.OFF, previous);
        }
        return () -> previous.forEach(logging::setLogLevel);
    }

    private void set(String logger, LogLevel level, Map<String, LogLevel> previous) {
        LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
        previous.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
        logging.setLogLevel(logger, level);
    }

    /** Whether logging.level names the logger or a package above it (root aside: the command line sets that). */
    private boolean levelGivenFor(String logger) {
        Map<String, String> levels = Binder.get(environment)
                .bind("logging.level", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return levels.keySet().stream().anyMatch(name -> !name.equalsIgnoreCase("root")
                && (logger.equals(name) || logger.startsWith(name + ".")));
    }

    /** Puts the levels back. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
