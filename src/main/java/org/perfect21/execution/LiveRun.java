package org.perfect21.execution;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What only the process running a run knows: which agents are running right now, and whether a stop
 * was asked for. Its partitions register here so a stop reaches their in-flight agents.
 */
final class LiveRun {

    private final String runId;
    private final Set<PartitionExecution> partitions = ConcurrentHashMap.newKeySet();
    private final Map<Long, RunningAgent> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String stopReason;

    LiveRun(String runId) {
        this.runId = runId;
    }

    /** An agent attempt in flight. */
    record RunningAgent(int phaseIndex, int agentIndex, Instant startedAt, int attempt) {
    }

    String runId() {
        return runId;
    }

    void attach(PartitionExecution partition) {
        partitions.add(partition);
        if (stopReason != null) {
            partition.stop(stopReason);
        }
    }

    void detach(PartitionExecution partition) {
        partitions.remove(partition);
    }

    void agentStarted(int phaseIndex, int agentIndex, Instant startedAt, int attempt) {
        running.put(key(phaseIndex, agentIndex), new RunningAgent(phaseIndex, agentIndex, startedAt, attempt));
    }

    void agentEnded(int phaseIndex, int agentIndex) {
        running.remove(key(phaseIndex, agentIndex));
    }

    RunningAgent running(int phaseIndex, int agentIndex) {
        return running.get(key(phaseIndex, agentIndex));
    }

    /** Asks the run to stop: nothing more starts, agents in flight are cancelled (processes killed). */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        partitions.forEach(p -> p.stop(stopReason));
    }

    String stopReason() {
        return stopReason;
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    /** Completes when the run's job has returned in this process. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    void markEnded() {
        ended.complete(null);
    }

    private static long key(int phaseIndex, int agentIndex) {
        return ((long) phaseIndex << 32) | (agentIndex & 0xffffffffL);
    }
}
