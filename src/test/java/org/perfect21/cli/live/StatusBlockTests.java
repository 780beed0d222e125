package org.perfect21.cli.live;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.RunStarted;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The status block fits the terminal: a thousand agents are summarized, a repeated phase shows per iteration. */
class StatusBlockTests {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void aThousandAgentsAreSummarizedWithTheRunningOnesFirst() {
        RunProgress run = new RunProgress();
        run.apply(new RunStarted("r1", "fan", false, T0));
        run.apply(new PhaseStarted("r1", 0, 1, "review", IntStream.range(0, 1000).mapToObj(i -> "check[" + i + "]").toList(), T0));
        for (int i = 0; i < 1000; i++) {
            run.apply(new AgentStarted("r1", 0, 1, i, "review", "check[" + i + "]", 1, T0.plusMillis(i)));
            if (i < 950) {
                run.apply(new AgentCompleted("r1", 0, 1, i, "review", "check[" + i + "]", "simulated",
                        i == 7 ? AgentStatus.FAILED : AgentStatus.COMPLETED, 1, T0.plusMillis(i), T0.plusMillis(i + 100), 10,
                        i == 8 ? "HOT" : null, i == 7 ? "boom" : null));
            }
        }

        List<String> lines = text(StatusBlock.lines(run, T0.plusSeconds(2), 120, 12));

        assertThat(lines).hasSizeLessThanOrEqualTo(12);
        assertThat(lines.get(0)).isEqualTo("run r1  fan  RUNNING  2.0 s");
        assertThat(lines.get(1)).startsWith("  review               RUNNING   50 running, 948 done, 1 cached, 1 failed of 1000  2.0 s");
        // The longest running first (check[950] started first among them), then the failed one, then a count.
        assertThat(lines.get(2)).startsWith("    check[950]                 RUNNING   1.1 s");
        assertThat(lines).noneMatch(l -> l.contains("check[3]"));
        assertThat(lines.get(lines.size() - 1)).matches("    \\.\\.\\. and \\d+ more");
        assertThat(lines).allMatch(l -> l.length() < 120);
    }

    @Test
    void aPhaseAGateRepeatedShowsOncePerIterationAndFinishedPhasesTakeOneLine() {
        RunProgress run = new RunProgress();
        run.apply(new RunStarted("r2", "gated", false, T0));
        run.apply(new PhaseStarted("r2", 0, 1, "review", List.of("verdict"), T0));
        run.apply(new AgentCompleted("r2", 0, 1, 0, "review", "verdict", "simulated", AgentStatus.COMPLETED, 1, T0, T0.plusMillis(120),
                5, null, null));
        run.apply(new PhaseFinished("r2", 0, 1, "review", PhaseStatus.COMPLETED, 1, 0, T0.plusMillis(130)));
        run.apply(new PhaseStarted("r2", 0, 2, "review", List.of("verdict"), T0.plusMillis(200)));
        run.apply(new AgentStarted("r2", 0, 2, 0, "review", "verdict", 1, T0.plusMillis(210)));

        List<String> lines = text(StatusBlock.lines(run, T0.plusMillis(500), 100, 30));

        assertThat(lines).containsExactly(
                "run r2  gated  RUNNING  500 ms",
                "  review               COMPLETED 1 done of 1  130 ms",
                "  review#2             RUNNING   1 running of 1  300 ms",
                "    verdict                    RUNNING   290 ms");
    }

    @Test
    void aRestartShowsTheAgentsItKeepsAsDoneAndWaitsForTheOthers() {
        RunDocument stored = new RunDocument("r3", "wf", RunStatus.FAILED, T0, T0.plusSeconds(1), 1000L, "boom",
                List.of(new RunDocument.Phase("p", 0, 1, PhaseStatus.FAILED, 900L, 2, 1, 3,
                        List.of(agent("a", AgentStatus.COMPLETED), agent("b", AgentStatus.COMPLETED), agent("c", AgentStatus.FAILED)), null)),
                null);
        RunProgress run = new RunProgress();
        SnapshotEvents.between(null, stored, T0.plusSeconds(5)).forEach(run::apply);

        run.apply(new RunStarted("r3", "wf", true, T0.plusSeconds(5)));
        run.apply(new PhaseStarted("r3", 0, 1, "p", List.of("a", "b", "c"), T0.plusSeconds(5)));

        assertThat(text(StatusBlock.lines(run, T0.plusSeconds(6), 100, 30))).containsExactly(
                "run r3  wf  RUNNING  1.0 s",
                "  p                    RUNNING   1 waiting, 2 done of 3  1.0 s",
                "    a                          COMPLETED 100 ms",
                "    b                          COMPLETED 100 ms",
                "    c                          PENDING   ");
    }

    private static RunDocument.Agent agent(String name, AgentStatus status) {
        return new RunDocument.Agent(name, status, T0, T0.plusMillis(100), 100L, 1, 10, false, null, false, null, null, null, null);
    }

    private static List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }
}
