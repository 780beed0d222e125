package org.perfect21.history;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The moves each state type allows, as the architecture page lists them. */
class StatusTransitionsTests {

    @Test
    void aRunMovesThroughTheQueueToAnEndAndOnlyAFailedOrStoppedRunRunsAgain() {
        assertMoves(RunStatus.QUEUED, RunStatus::canMoveTo, EnumSet.of(RunStatus.STARTING, RunStatus.STOPPED));
        assertMoves(RunStatus.STARTING, RunStatus::canMoveTo, EnumSet.of(RunStatus.RUNNING, RunStatus.COMPLETED, RunStatus.FAILED,
                RunStatus.STOPPED, RunStatus.QUEUED));
        assertMoves(RunStatus.RUNNING, RunStatus::canMoveTo, EnumSet.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.STOPPED,
                RunStatus.QUEUED, RunStatus.RUNNING));
        assertMoves(RunStatus.COMPLETED, RunStatus::canMoveTo, EnumSet.noneOf(RunStatus.class));
        assertMoves(RunStatus.FAILED, RunStatus::canMoveTo, EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING));
        assertMoves(RunStatus.STOPPED, RunStatus::canMoveTo, EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING));
        assertThat(RunStatus.restartable()).containsExactly(RunStatus.FAILED, RunStatus.STOPPED);
        assertThat(RunStatus.terminal()).containsExactly(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.STOPPED);
        assertThat(RunStatus.unfinished()).containsExactly(RunStatus.QUEUED, RunStatus.STARTING, RunStatus.RUNNING);
    }

    @Test
    void aCompletedPhaseIsFinalAndAFailedOrStoppedOneRunsAgainOnARestart() {
        assertMoves(PhaseStatus.RUNNING, PhaseStatus::canMoveTo, EnumSet.of(PhaseStatus.COMPLETED, PhaseStatus.FAILED, PhaseStatus.STOPPED));
        assertMoves(PhaseStatus.COMPLETED, PhaseStatus::canMoveTo, EnumSet.noneOf(PhaseStatus.class));
        assertMoves(PhaseStatus.FAILED, PhaseStatus::canMoveTo, EnumSet.of(PhaseStatus.RUNNING));
        assertMoves(PhaseStatus.STOPPED, PhaseStatus::canMoveTo, EnumSet.of(PhaseStatus.RUNNING));
    }

    @Test
    void aCompletedAgentIsKeptAndOnlyFinalStatesAreStored() {
        assertMoves(AgentStatus.PENDING, AgentStatus::canMoveTo, EnumSet.of(AgentStatus.RUNNING, AgentStatus.COMPLETED,
                AgentStatus.FAILED, AgentStatus.STOPPED));
        assertMoves(AgentStatus.RUNNING, AgentStatus::canMoveTo, EnumSet.of(AgentStatus.COMPLETED, AgentStatus.FAILED, AgentStatus.STOPPED));
        assertMoves(AgentStatus.COMPLETED, AgentStatus::canMoveTo, EnumSet.noneOf(AgentStatus.class));
        assertThat(EnumSet.allOf(AgentStatus.class)).filteredOn(AgentStatus::isFinal)
                .containsExactly(AgentStatus.COMPLETED, AgentStatus.FAILED, AgentStatus.STOPPED);
    }

    private static <S extends Enum<S>> void assertMoves(S from, BiPredicate<S, S> canMoveTo, Set<S> allowed) {
        for (S to : from.getDeclaringClass().getEnumConstants()) {
            assertThat(canMoveTo.test(from, to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }
}
