package org.perfect21.execution.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.perfect21.execution.ExecutionProperties;
import org.perfect21.history.AgentStatus;
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
public class LiveRuns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRuns.class);
    // Stops before the web server's graceful shutdown phase ends and before executors close.
    private static final int PHASE = Integer.MAX_VALUE - 2048;

    private final Map<String, LiveRun> runs = new ConcurrentHashMap<>();
    private final List<Runnable> beforeStop = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutionProperties properties;
    private volatile boolean running;

    LiveRuns(ExecutionProperties properties) {
        this.properties = properties;
    }

    /**
     * Something to do when the application closes, before the runs left are stopped (the launcher
     * re-queues its runs). Registering here rather than being a lifecycle bean itself keeps the
     * launcher, and with it the database, from being created by commands that never launch.
     */
    public void beforeStop(Runnable action) {
        beforeStop.add(action);
    }

    /** Registers a run starting in this process; false when it is already executing here. */
    public Optional<LiveRun> open(String runId) {
        LiveRun live = new LiveRun(runId);
        return runs.putIfAbsent(runId, live) == null ? Optional.of(live) : Optional.empty();
    }

    public void close(LiveRun live) {
        runs.remove(live.runId(), live);
        live.markEnded();
    }

    public Optional<LiveRun> get(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    public boolean isExecuting(String runId) {
        return runs.containsKey(runId);
    }

    /** The stored document with the agents running right now shown as RUNNING. */
    public RunDocument overlay(RunDocument document) {
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
                        ? RunDocument.Agent.running(agent.agent(), AgentStatus.RUNNING, now.startedAt(), now.attempt())
                        : agent);
            }
            phases.add(phase.withAgents(agents));
        }
        return new RunDocument(document.runId(), document.workflow(), document.status(), document.startedAt(),
                document.endedAt(), document.durationMs(), document.error(), phases, document.context(), document.usage());
    }

    /** Stops every run executing here and waits for their jobs to return, at most {@code grace}. */
    void stopAll(String reason, Duration grace) {
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        for (LiveRun live : runs.values()) {
            live.stop(reason);
            ends.add(live.ended());
        }
        if (ends.isEmpty() || grace.isZero() || grace.isNegative()) {
            return;
        }
        try {
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        } catch (CompletionException e) {
            log.warn("{} run(s) did not stop within {}", runs.size(), grace);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        beforeStop.forEach(Runnable::run);
        stopAll("the process was shut down", properties.shutdownGrace());
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
}
