package org.perfect21.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.perfect21.history.AgentResult;
import org.perfect21.history.RunDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The runs executing in this process. Reads overlay their running agents on the stored document; a
 * stop reaches their agents here. When the application closes, runs still executing are stopped
 * (so a run interrupted by Ctrl-C ends STOPPED rather than looking alive forever).
 */
@Component
class LiveRuns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRuns.class);
    // Stops before the web server's graceful shutdown phase ends and before executors close.
    static final int PHASE = Integer.MAX_VALUE - 2048;

    private final Map<String, LiveRun> runs = new ConcurrentHashMap<>();
    private final List<Runnable> beforeStop = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;

    /**
     * Something to do when the application closes, before the runs left are stopped (the launcher
     * re-queues its runs). Registering here rather than being a lifecycle bean itself keeps the
     * launcher, and with it the database, from being created by commands that never launch.
     */
    void beforeStop(Runnable action) {
        beforeStop.add(action);
    }

    /** Registers a run starting in this process; false when it is already executing here. */
    Optional<LiveRun> open(String runId) {
        LiveRun live = new LiveRun(runId);
        return runs.putIfAbsent(runId, live) == null ? Optional.of(live) : Optional.empty();
    }

    void close(LiveRun live) {
        runs.remove(live.runId(), live);
        live.markEnded();
    }

    Optional<LiveRun> get(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    boolean isExecuting(String runId) {
        return runs.containsKey(runId);
    }

    /** The stored document with the agents running right now shown as RUNNING. */
    RunDocument overlay(RunDocument document) {
        LiveRun live = runs.get(document.runId());
        if (live == null) {
            return document;
        }
        List<RunDocument.Phase> phases = new ArrayList<>(document.phases().size());
        for (int p = 0; p < document.phases().size(); p++) {
            RunDocument.Phase phase = document.phases().get(p);
            List<RunDocument.Agent> agents = new ArrayList<>(phase.agents().size());
            for (int a = 0; a < phase.agents().size(); a++) {
                RunDocument.Agent agent = phase.agents().get(a);
                LiveRun.RunningAgent now = live.running(p, a);
                // A live entry means an attempt is in flight now, even when an earlier execution left a row.
                agents.add(now != null
                        ? new RunDocument.Agent(agent.agent(), AgentResult.RUNNING, now.startedAt(), null, null,
                                now.attempt(), 0, false, null, false, null, null)
                        : agent);
            }
            phases.add(new RunDocument.Phase(phase.name(), phase.status(), phase.durationMs(), phase.succeeded(),
                    phase.failed(), phase.required(), agents));
        }
        return new RunDocument(document.runId(), document.workflow(), document.status(), document.startedAt(),
                document.endedAt(), document.durationMs(), document.error(), phases, document.context());
    }

    /** Stops every run executing here and waits (bounded) for their jobs to return. */
    void stopAll(String reason, long timeoutMillis) {
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        for (LiveRun live : runs.values()) {
            live.stop(reason);
            ends.add(live.ended());
        }
        if (ends.isEmpty() || timeoutMillis <= 0) {
            return;
        }
        try {
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{} run(s) did not stop within {} ms", runs.size(), timeoutMillis);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        beforeStop.forEach(Runnable::run);
        stopAll("the process was shut down", 20_000);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** A pause (of a cached test context) is no shutdown: runs go on and the launcher stays open. */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
