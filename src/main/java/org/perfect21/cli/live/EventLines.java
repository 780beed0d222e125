package org.perfect21.cli.live;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.RunFinished;
import org.perfect21.execution.RunStarted;

/**
 * The view without a terminal (pipes, CI, logs): one line per event of the run, each once and in the order the
 * engine published them, stamped with the event's local time: {@code 12:00:01.234 review#2 verdict COMPLETED 120 ms}.
 */
final class EventLines implements ProgressView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final PrintStream out;
    private final ZoneId zone;
    private final RunProgress progress = new RunProgress();

    EventLines(PrintStream out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    @Override
    public Optional<Duration> show(List<Object> events, Instant now) {
        for (Object event : events) {
            // The progress binds the first run and knows each phase's label (review#2) for its agents' lines.
            if (progress.apply(event)) {
                out.println(line(event));
            }
        }
        out.flush();
        return Optional.empty();
    }

    @Override
    public void close() {
        out.flush();
    }

    String line(Object event) {
        if (event instanceof RunStarted e) {
            return stamp(e.at()) + "run " + e.runId() + " of " + e.workflow() + (e.restart() ? " restarted" : " started");
        }
        if (event instanceof PhaseStarted e) {
            return stamp(e.at()) + label(e.phase(), e.iteration()) + " started, " + e.agents().size()
                    + (e.agents().size() == 1 ? " agent" : " agents");
        }
        if (event instanceof AgentStarted e) {
            return stamp(e.at()) + label(e.phase(), e.iteration()) + " " + e.agent() + " RUNNING attempt " + e.attempt();
        }
        if (event instanceof AgentCompleted e) {
            return stamp(e.endedAt()) + label(e.phase(), e.iteration()) + " " + e.agent() + " " + agentOutcome(e);
        }
        if (event instanceof PhaseFinished e) {
            return stamp(e.at()) + label(e.phase(), e.iteration()) + " " + e.status() + ": " + e.succeeded() + " succeeded, "
                    + e.failed() + " failed";
        }
        RunFinished e = (RunFinished) event;
        return stamp(e.at()) + "run " + e.runId() + " " + e.status()
                + (e.duration() == null ? "" : " in " + Elapsed.of(e.duration())) + (e.error() == null ? "" : ": " + oneLine(e.error()));
    }

    private static String agentOutcome(AgentCompleted e) {
        AgentState state = AgentState.of(e.status(), e.cacheTier());
        StringBuilder line = new StringBuilder(state.name());
        if (e.startedAt() != null && e.endedAt() != null) {
            line.append(' ').append(Elapsed.of(Duration.between(e.startedAt(), e.endedAt())));
        }
        if (state == AgentState.CACHED) {
            line.append(" (").append(e.cacheTier().toLowerCase(Locale.ROOT)).append(')');
        }
        if (e.attempts() > 1) {
            line.append(", ").append(e.attempts()).append(" attempts");
        }
        if (e.error() != null) {
            line.append(": ").append(oneLine(e.error()));
        }
        return line.toString();
    }

    private String stamp(Instant at) {
        return TIME.format((at == null ? Instant.now() : at).atZone(zone)) + " ";
    }

    private static String label(String phase, int iteration) {
        return iteration > 1 ? phase + "#" + iteration : phase;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
