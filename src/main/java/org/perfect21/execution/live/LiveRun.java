package org.perfect21.execution.live;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What only the process running a run knows: which agents are running right now, and whether a stop
 * was asked for. Its partitions register here so a stop reaches their in-flight agents.
 */
public final class LiveRun {

    private final String runId;
    private final Set<Stoppable> partitions = ConcurrentHashMap.newKeySet();
    private final Map<Long, RunningAgent> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String stopReason;

    LiveRun(String runId) {
        this.runId = runId;
    }

    /** An agent attempt in flight. */
    public record RunningAgent(int phaseIndex, int agentIndex, Instant startedAt, int attempt) {
    }

    public String runId() {
        return runId;
    }

    public void attach(Stoppable partition) {
        partitions.add(partition);
        if (stopReason != null) {
            partition.stop(stopReason);
        }
    }

    public void detach(Stoppable partition) {
        partitions.remove(partition);
    }

    public void agentStarted(int phaseIndex, int agentIndex, Instant startedAt, int attempt) {
        running.put(key(phaseIndex, agentIndex), new RunningAgent(phaseIndex, agentIndex, startedAt, attempt));
    }

    public void agentEnded(int phaseIndex, int agentIndex) {
        running.remove(key(phaseIndex, agentIndex));
    }

    public RunningAgent running(int phaseIndex, int agentIndex) {
        return running.get(key(phaseIndex, agentIndex));
    }

    /** Asks the run to stop: nothing more starts, agents in flight are cancelled (processes killed). */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        partitions.forEach(p -> p.stop(stopReason));
    }

    public String stopReason() {
        return stopReason;
    }

    public boolean stopRequested() {
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
