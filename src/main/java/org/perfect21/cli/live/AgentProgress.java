package org.perfect21.cli.live;

import java.time.Instant;

/** One agent of a phase as the live view knows it; changed only on the view's thread. */
final class AgentProgress {

    private final String name;
    private AgentState state = AgentState.PENDING;
    private int attempt;
    private Instant startedAt;
    private Instant endedAt;

    AgentProgress(String name) {
        this.name = name;
    }

    void started(int attempt, Instant at) {
        this.state = AgentState.RUNNING;
        this.attempt = attempt;
        this.startedAt = at;
        this.endedAt = null;
    }

    void ended(AgentState state, int attempts, Instant startedAt, Instant endedAt) {
        this.state = state;
        this.attempt = attempts;
        this.startedAt = startedAt == null ? this.startedAt : startedAt;
        this.endedAt = endedAt;
    }

    /** A phase run again (a restart) keeps what completed and waits for the rest. */
    void restarted() {
        if (state != AgentState.COMPLETED && state != AgentState.CACHED) {
            state = AgentState.PENDING;
            startedAt = null;
            endedAt = null;
        }
    }

    String name() {
        return name;
    }

    AgentState state() {
        return state;
    }

    int attempt() {
        return attempt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }
}
