package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.PhaseStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.usage.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/** The run table ends with the run's usage when its agents reported any, and says nothing of it otherwise. */
class RunTableTests {

    @Test
    void aRunWhoseAgentsReportedUsageShowsItsTokensAndCost() {
        String table = print(agent("reviewer", new Usage(12_000L, 800L, 3_000L, null, new BigDecimal("0.04213"))),
                agent("summary", new Usage(1_000L, 200L, null, null, new BigDecimal("0.002"))));

        assertThat(table).contains("usage 17,000 tokens (input 13,000, output 1,000, cache read 3,000, cache write -), cost $0.0441");
    }

    @Test
    void anUnknownCostIsSaidToBeUnknownAndNoUsageNoLine() {
        assertThat(print(agent("local", new Usage(10L, 5L, null, null, null)))).contains("usage 15 tokens").contains("cost unknown");
        assertThat(print(agent("simulated", Usage.UNKNOWN))).doesNotContain("usage");
        assertThat(print(agent("terse", new Usage(1L, 0L, null, null, null)))).contains("usage 1 token (input 1,");
    }

    @Test
    void aRepeatedPhaseIsShownPerIterationWithItsGate() {
        RunDocument.Agent verdict = agent("verdict", Usage.UNKNOWN);
        RunDocument.Gate failed = new RunDocument.Gate(false, List.of(new RunDocument.GateCheck("minSuccess 100%", true, "1 of 1"),
                new RunDocument.GateCheck("verdict matches PASS", false, "not found in its output:\nFAIL")));
        RunDocument run = new RunDocument("r-1", "wf", RunStatus.COMPLETED, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 1000L, null,
                List.of(new RunDocument.Phase("review", 0, 1, PhaseStatus.COMPLETED, 900L, 1, 0, 1, List.of(verdict), failed),
                        new RunDocument.Phase("review", 0, 2, PhaseStatus.COMPLETED, 900L, 1, 0, 1, List.of(verdict),
                                new RunDocument.Gate(true, List.of()))), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunTable.print(run, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("1 of 1 succeeded (1 required) in 900ms; gate failed: verdict matches PASS: not found in its output: FAIL")
                .contains("review#2").contains("; gate passed");
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThemAndCountsWithTheirPlural() {
        RunDocument run = new RunDocument("r-1", "wf", RunStatus.COMPLETED, Instant.EPOCH, Instant.EPOCH.plusSeconds(125), 125_400L,
                null, List.of(new RunDocument.Phase("p", PhaseStatus.COMPLETED, 12_345L, 1, 0, 1,
                        List.of(agent("slow", Usage.UNKNOWN)))), new RunDocument.Context(100, 25, 1024, 256, 1, 0, 0, 100));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunTable.print(run, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("COMPLETED in 2m5s", "COMPLETED      900ms", "in 12.3s",
                "context 100 B of 1.0 KB, 1 entry, 0 evicted, 0 cut");
    }

    private static RunDocument.Agent agent(String name, Usage usage) {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        return new RunDocument.Agent(name, AgentStatus.COMPLETED, at, at.plusMillis(900), 900L, 1, 100, false, null, false, null,
                usage.totalTokens(), "claude-sonnet-4-5", usage);
    }

    private static String print(RunDocument.Agent... agents) {
        RunDocument run = new RunDocument("r-1", "wf", RunStatus.COMPLETED, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 1000L, null,
                List.of(new RunDocument.Phase("p", PhaseStatus.COMPLETED, 1000L, agents.length, 0, agents.length, List.of(agents))),
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunTable.print(run, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
