package org.perfect21.cli.live;

import org.perfect21.history.AgentStatus;

/** Where an agent stands in the live view: the engine's statuses, with an answer from the result cache told apart. */
enum AgentState {
    PENDING, RUNNING, COMPLETED, CACHED, FAILED, STOPPED;

    static AgentState of(AgentStatus status, String cacheTier) {
        return switch (status) {
            case PENDING -> PENDING;
            case RUNNING -> RUNNING;
            // MISS means a cacheable agent ran; only a tier answered from the cache.
            case COMPLETED -> cacheTier != null && !"MISS".equals(cacheTier) ? CACHED : COMPLETED;
            case FAILED -> FAILED;
            case STOPPED -> STOPPED;
        };
    }

    boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }
}
