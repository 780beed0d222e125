package org.perfect21.cli.live;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.junit.jupiter.api.Test;
import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.AgentPool;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.RunStarted;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.InvalidParametersException;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live view follows a real run through the engine: as event lines, on a terminal, and for watch. */
class LiveProgressTests extends EngineTestSupport {

    private static final String TWO_PHASES = """
            name: live-two-phases
            phases:
              - name: draft
                agents:
                  - {name: a, kind: probe, latency: 30ms}
                  - {name: b, kind: probe, latency: 60ms}
                  - {name: doomed, kind: probe, latency: 10ms, retries: 1}
                minSuccess: 2
              - name: check
                agents:
                  # Longer than the view's gap between redraws (TerminalView.MIN_GAP), so the phase is drawn however
                  # late the machine's timers fire.
                  - {name: c, kind: probe, latency: 300ms}
            """;

    @Autowired
    LiveProgress live;
    @Autowired
    RunEventFeed feed;
    @Autowired
    AgentPool pool;

    @Test
    void withoutATerminalEveryEventOfTheRunIsPrintedOnceInTheOrderTheEnginePublishedIt() throws Exception {
        WorkflowDefinition workflow = workflow(TWO_PHASES);
        probe.failing.add("doomed");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        EventLines lines = new EventLines(new PrintStream(buffer, true, StandardCharsets.UTF_8), ZoneId.of("UTC"));
        EventInbox recorded = feed.subscribe();

        RunDocument run;
        try {
            run = live.follow(lines, () -> runner.run(workflow, Map.of()));
        } finally {
            feed.unsubscribe(recorded);
        }

        // The same events, seen by a second inbox, formatted one by one: nothing lost, nothing twice, same order.
        List<Object> events = new ArrayList<>();
        drain(recorded, events);
        List<String> expected = events.stream().filter(e -> run.runId().equals(RunProgress.runIdOf(e))).map(lines::line).toList();
        List<String> printed = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed).containsExactlyElementsOf(expected);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        // Started: a, b, c once and doomed twice (its retry); completed: each agent once.
        assertThat(events.stream().filter(AgentStarted.class::isInstance).count()).isEqualTo(5);
        assertThat(events.stream().filter(AgentCompleted.class::isInstance).count()).isEqualTo(4);
        assertThat(printed.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} run " + run.runId() + " of live-two-phases started");
        assertThat(printed).anyMatch(l -> l.matches("\\S+ draft doomed FAILED \\d+ ms, 2 attempts: probe doomed told to fail"))
                .anyMatch(l -> l.matches("\\S+ draft a COMPLETED \\d+ ms"))
                .anyMatch(l -> l.matches("\\S+ draft COMPLETED: 2 succeeded, 1 failed"))
                .anyMatch(l -> l.matches("\\S+ check started, 1 agent"));
        assertThat(printed.get(printed.size() - 1)).matches("\\S+ run " + run.runId() + " COMPLETED in \\d+ ms");
        for (String agent : List.of("a", "b", "c")) {
            assertThat(printed.stream().filter(l -> l.matches("\\S+ \\w+ " + agent + " RUNNING attempt 1")).count()).isEqualTo(1);
            assertThat(printed.indexOf(printed.stream().filter(l -> l.contains(" " + agent + " RUNNING")).findFirst().orElseThrow()))
                    .isLessThan(printed.indexOf(printed.stream().filter(l -> l.contains(" " + agent + " COMPLETED")).findFirst().orElseThrow()));
        }
    }

    @Test
    void onATerminalTheStatusBlockIsRedrawnInPlaceAndTakenOffAtTheEnd() throws Exception {
        WorkflowDefinition workflow = workflow(TWO_PHASES);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // A terminal on a buffer with xterm's cursor movements; no pty, no thread reading input.
        Terminal terminal = new LineDisciplineTerminal("test", "xterm-256color", screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        ProgressView view = ProgressViews.forTerminal(terminal, new PrintStream(new ByteArrayOutputStream()));

        RunDocument run;
        try (view) {
            run = live.follow(view, () -> runner.run(workflow, Map.of()));
        }

        String drawn = screen.toString(StandardCharsets.UTF_8);
        assertThat(view).isInstanceOf(TerminalView.class);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(drawn).contains("run " + run.runId() + "  live-two-phases", "draft", "check", "COMPLETED", "of 3")
                // Lines are rewritten in place (cursor up), not printed one after another.
                .contains("\u001b[K").containsPattern("\u001b\\[\\d*A")
                // Closing erased the block (the table is printed where it began).
                .containsPattern("(\\n*\u001b\\[K)+(\u001b\\[\\d+A)?$");
    }

    @Test
    void aDumbTerminalGetsEventLines() throws Exception {
        Terminal dumb = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());

        assertThat(ProgressViews.forTerminal(dumb, System.out)).isInstanceOf(EventLines.class);
        assertThat(ProgressViews.forOutput(new PrintStream(new ByteArrayOutputStream()))).isInstanceOf(EventLines.class);
    }

    @Test
    void aRunThatCannotStartThrowsOnTheCommandsThreadAsItWouldWithoutTheView() {
        WorkflowDefinition workflow = workflow("""
                name: live-needs-a-parameter
                parameters:
                  topic: {type: string, required: true}
                phases:
                  - name: only
                    agents: [{name: a, kind: probe}]
                """);
        EventLines lines = new EventLines(new PrintStream(new ByteArrayOutputStream()), ZoneId.of("UTC"));

        assertThatThrownBy(() -> live.follow(lines, () -> runner.run(workflow, Map.of()))).isInstanceOf(InvalidParametersException.class);
    }

    @Test
    void watchFollowsARunExecutingInThisProcessUntilItEnds() throws Exception {
        WorkflowDefinition workflow = workflow("""
                name: live-watched
                phases:
                  - name: slow
                    agents:
                      - {name: first, kind: probe, latency: 300ms}
                      - {name: second, kind: probe, latency: 1200ms}
                """);
        EventInbox started = feed.subscribe();
        CompletableFuture<RunDocument> executing = new CompletableFuture<>();
        pool.startRunSlot(() -> executing.complete(runner.run(workflow, Map.of())));
        String runId = awaitStart(started);
        feed.unsubscribe(started);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        RunDocument watched = live.watch(runId, new EventLines(new PrintStream(buffer, true, StandardCharsets.UTF_8), ZoneId.of("UTC")),
                runner);

        assertThat(watched.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(executing.join().status()).isEqualTo(RunStatus.COMPLETED);
        List<String> printed = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed.get(0)).endsWith("run " + runId + " of live-watched started");
        assertThat(printed).filteredOn(l -> l.contains(" first COMPLETED")).hasSize(1);
        assertThat(printed).filteredOn(l -> l.contains(" second COMPLETED")).hasSize(1);
        assertThat(printed).filteredOn(l -> l.matches("\\S+ slow COMPLETED: 2 succeeded, 0 failed")).hasSize(1);
        assertThat(printed.get(printed.size() - 1)).contains("run " + runId + " COMPLETED in ");
    }

    private static String awaitStart(EventInbox inbox) throws InterruptedException {
        while (true) {
            for (Object event : inbox.takeAll()) {
                if (event instanceof RunStarted started) {
                    return started.runId();
                }
            }
        }
    }

    private static void drain(EventInbox inbox, List<Object> into) throws InterruptedException {
        // Everything was published before the run returned; an ENDED marker closes the list.
        inbox.offer(EventInbox.Signal.ENDED);
        while (true) {
            for (Object event : inbox.takeAll()) {
                if (event == EventInbox.Signal.ENDED) {
                    return;
                }
                into.add(event);
            }
        }
    }
}
