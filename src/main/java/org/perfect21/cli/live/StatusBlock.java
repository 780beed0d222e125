package org.perfect21.cli.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.perfect21.history.PhaseStatus;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The live view's status block, drawn from what is known of the run: a line for the run, one per phase and
 * iteration, and under a running phase its agents, or, when they do not fit, the running and failed ones first
 * and a count of the rest. It never takes more rows than the terminal has, nor a line more columns.
 */
final class StatusBlock {

    private StatusBlock() {
    }

    static List<AttributedString> lines(RunProgress run, Instant now, int width, int height) {
        List<AttributedString> lines = new ArrayList<>();
        if (run.runId() == null) {
            return List.of(new AttributedString("starting the run..."));
        }
        lines.add(styled(String.format("run %s  %s  ", run.runId(), run.workflow()), run.status().name(),
                "  " + Elapsed.between(run.startedAt(), run.endedAt(), now)));
        List<PhaseProgress> phases = run.phases();
        int room = Math.max(1, height - 2);
        if (phases.size() > room) {
            // The earliest phases go first: what runs now is what a person watches.
            int hidden = phases.size() - room + 1;
            lines.add(new AttributedString("  (" + hidden + " earlier phase" + (hidden == 1 ? "" : "s") + ")"));
            phases = phases.subList(hidden, phases.size());
        }
        long running = phases.stream().filter(p -> p.status() == PhaseStatus.RUNNING).count();
        int agentRoom = running == 0 ? 0 : (int) ((room - phases.size()) / running);
        for (PhaseProgress phase : phases) {
            lines.add(phaseLine(phase, now));
            if (phase.status() == PhaseStatus.RUNNING) {
                lines.addAll(agentLines(phase, now, agentRoom));
            }
        }
        return lines.stream().map(line -> line.columnLength() < width ? line : line.columnSubSequence(0, Math.max(1, width - 1)))
                .toList();
    }

    private static AttributedString phaseLine(PhaseProgress phase, Instant now) {
        Map<AgentState, Integer> counts = phase.counts();
        StringJoiner text = new StringJoiner(", ");
        for (AgentState state : AgentState.values()) {
            Integer n = counts.get(state);
            if (n != null) {
                text.add(n + " " + word(state));
            }
        }
        return styled(pad("  " + phase.label(), 23), pad(phase.status().name(), 10), text + " of " + phase.agents().size() + "  "
                + Elapsed.between(phase.startedAt(), phase.endedAt(), now));
    }

    private static List<AttributedString> agentLines(PhaseProgress phase, Instant now, int room) {
        List<AgentProgress> agents = phase.agents();
        if (room <= 0) {
            return List.of();
        }
        List<AgentProgress> shown = agents;
        if (agents.size() > room) {
            // Running (longest first), then failed: the agents worth a line when a thousand do not fit.
            shown = agents.stream().filter(a -> a.state() == AgentState.RUNNING || a.state() == AgentState.FAILED
                            || a.state() == AgentState.STOPPED)
                    .sorted(Comparator.comparing((AgentProgress a) -> a.state() != AgentState.RUNNING)
                            .thenComparing(a -> a.startedAt() == null ? now : a.startedAt()))
                    .limit(Math.max(0, room - 1)).toList();
        }
        List<AttributedString> lines = new ArrayList<>();
        for (AgentProgress agent : shown) {
            String attempt = agent.attempt() > 1 ? "  attempt " + agent.attempt() : "";
            lines.add(styled(pad("    " + agent.name(), 31), pad(agent.state().name(), 10),
                    Elapsed.between(agent.startedAt(), agent.endedAt(), now) + attempt));
        }
        if (shown.size() < agents.size()) {
            lines.add(new AttributedString("    ... and " + (agents.size() - shown.size()) + " more"));
        }
        return lines;
    }

    private static String word(AgentState state) {
        return switch (state) {
            case PENDING -> "waiting";
            case RUNNING -> "running";
            case COMPLETED -> "done";
            case CACHED -> "cached";
            case FAILED -> "failed";
            case STOPPED -> "stopped";
        };
    }

    /** {@code before}, then a status word in its colour, then {@code after}. */
    private static AttributedString styled(String before, String status, String after) {
        return new AttributedStringBuilder().append(before).append(status, style(status.strip())).append(after).toAttributedString();
    }

    // At least one blank after a column, however long its text.
    private static String pad(String text, int width) {
        return text.length() < width ? text + " ".repeat(width - text.length()) : text + " ";
    }

    private static AttributedStyle style(String status) {
        return switch (status) {
            case "RUNNING", "STARTING" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case "COMPLETED" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case "CACHED" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case "FAILED", "STOPPED" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
            default -> AttributedStyle.DEFAULT;
        };
    }
}
