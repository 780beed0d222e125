package org.perfect21.context;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunContextTests {

    private static final ContextBudget BUDGET = new ContextBudget(1000, 1000, 4, 0.5);

    private static ContextInput output(int index, String agent, int bytes) {
        return new ContextInput(index, "p", agent, "simulated", "x".repeat(bytes), null);
    }

    @Test
    void outputsOfAPhaseEnterInAgentOrderWhateverOrderTheyWereCollectedIn() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(2, "c", 10)));
        context.collect(0, List.of(output(0, "a", 10), output(1, "b", 10)));

        ContextChange change = context.commitPhase(0);

        assertThat(change.added()).extracting(ContextEntry::agent).containsExactly("a", "b", "c");
        assertThat(change.added()).extracting(ContextEntry::seq).containsExactly(0, 1, 2);
        assertThat(change.totals().bytes()).isEqualTo(30);
        assertThat(change.totals().tokens()).as("estimated at 4 bytes a token, rounded up").isEqualTo(9);
        assertThat(change.totals().evictions()).isZero();
    }

    @Test
    void anEntryThatExactlyFillsTheBudgetEvictsNothing() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(0, "a", 500), output(1, "b", 500)));

        ContextTotals totals = context.commitPhase(0).totals();

        assertThat(totals.bytes()).isEqualTo(1000);
        assertThat(totals.evictions()).isZero();
        assertThat(totals.entries()).isEqualTo(2);
    }

    @Test
    void oneByteOverTheBudgetEvictsTheOldestEntryAndCountsIt() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(0, "a", 500), output(1, "b", 499)));
        context.commitPhase(0);
        context.collect(1, List.of(new ContextInput(0, "q", "c", "simulated", "y".repeat(2), null)));

        ContextChange change = context.commitPhase(1);

        assertThat(change.evicted()).as("a, the oldest, held before this commit").containsExactly(0);
        assertThat(change.added()).extracting(ContextEntry::agent).containsExactly("c");
        assertThat(change.totals().bytes()).isEqualTo(501);
        assertThat(change.totals().evictions()).isEqualTo(1);
        assertThat(context.view().entries()).extracting(ContextEntry::agent).containsExactly("b", "c");
    }

    @Test
    void entriesOfTheSamePhaseEvictedBeforeTheyWereWrittenAreNotWrittenAtAll() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(0, "a", 400), output(1, "b", 400), output(2, "c", 400), output(3, "d", 400)));

        ContextChange change = context.commitPhase(0);

        assertThat(change.added()).extracting(ContextEntry::agent).containsExactly("c", "d");
        assertThat(change.evicted()).as("nothing was held before").isEmpty();
        assertThat(change.totals().evictions()).isEqualTo(2);
        assertThat(change.totals().bytes()).isEqualTo(800);
        assertThat(change.totals().peakBytes()).isEqualTo(800);
    }

    @Test
    void theTokenBudgetEvictsToo() {
        RunContext context = new RunContext(new ContextBudget(100_000, 100, 4, 0.5));
        context.collect(0, List.of(new ContextInput(0, "p", "a", "claude", "short", 50L),
                new ContextInput(1, "p", "b", "claude", "short", 50L),
                new ContextInput(2, "p", "c", "claude", "short", 1L)));

        ContextTotals totals = context.commitPhase(0).totals();

        assertThat(totals.tokens()).as("reported usage, not the byte estimate").isEqualTo(51);
        assertThat(totals.evictions()).isEqualTo(1);
        assertThat(context.view().entries()).extracting(ContextEntry::agent).containsExactly("b", "c");
    }

    @Test
    void anOutputLargerThanItsShareKeepsItsHeadWithAMarkerAndNeverFailsTheRun() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(0, "huge", 100_000)));

        ContextChange change = context.commitPhase(0);

        ContextEntry entry = change.added().get(0);
        assertThat(entry.cut()).isTrue();
        assertThat(entry.bytes()).isLessThanOrEqualTo(500).isEqualTo(RunContext.utf8Length(entry.content()));
        assertThat(entry.content()).startsWith("xxxx").endsWith("of 100000 bytes]");
        assertThat(change.totals().cuts()).isEqualTo(1);
        assertThat(change.totals().bytes()).isLessThanOrEqualTo(1000);
    }

    @Test
    void aCutNeverSplitsAMultiByteCharacter() {
        String euros = "€".repeat(400); // 3 bytes each
        assertThat(RunContext.utf8Head(euros, 10)).isEqualTo("€€€");
        assertThat(RunContext.utf8Length("a€😀")).isEqualTo(1 + 3 + 4);
        assertThat(RunContext.utf8Head("😀😀", 5)).isEqualTo("😀");
    }

    @Test
    void emptyOutputsTakeNoEntry() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(0, "silent", 0)));

        ContextChange change = context.commitPhase(0);

        assertThat(change.added()).isEmpty();
        assertThat(change.totals().phasesCommitted()).isZero();
    }

    @Test
    void aPhaseCommittedOnceIsNotAddedAgain() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(output(0, "a", 10)));
        context.commitPhase(0);
        context.collect(0, List.of(output(0, "a", 10)));

        ContextChange again = context.commitPhase(0);

        assertThat(context.committed(0)).isTrue();
        assertThat(again.touchesEntries()).isFalse();
        assertThat(again.totals().entries()).isEqualTo(1);
    }

    @Test
    void aRestoredContextGoesOnWhereThePersistedOneStopped() {
        RunContext before = new RunContext(BUDGET);
        before.collect(0, List.of(output(0, "a", 450), output(1, "b", 400)));
        before.commitPhase(0);

        RunContext restored = RunContext.restore(before.totals(), before.view().entries());
        restored.collect(1, List.of(output(0, "c", 200)));
        ContextChange change = restored.commitPhase(1);

        assertThat(change.evicted()).containsExactly(0);
        assertThat(change.added().get(0).seq()).as("sequence continues").isEqualTo(2);
        assertThat(change.totals().evictions()).isEqualTo(1);
    }

    @Test
    void templatesSeeTheTextTheEntriesEachOutputByPhaseAndTheLatestGitSnapshot() {
        RunContext context = new RunContext(BUDGET);
        context.collect(0, List.of(new ContextInput(0, "design", "architect", "simulated", "plan A", null),
                new ContextInput(1, "design", "snap", "git", "{\"branch\":\"main\",\"commits\":[{\"subject\":\"init\"}]}", null)));
        context.commitPhase(0);

        Map<String, Object> scope = context.view().scope();

        assertThat(scope.get("text")).isEqualTo("### design/architect\nplan A\n\n### design/snap\n"
                + "{\"branch\":\"main\",\"commits\":[{\"subject\":\"init\"}]}");
        assertThat(((Map<?, ?>) ((Map<?, ?>) scope.get("phases")).get("design")).get("architect")).isEqualTo("plan A");
        assertThat(scope.get("bytes")).isEqualTo(context.totals().bytes());
        assertThat(context.view().git()).containsEntry("branch", "main");
        assertThat(new RunContext(BUDGET).view().git()).isEmpty();
    }
}
