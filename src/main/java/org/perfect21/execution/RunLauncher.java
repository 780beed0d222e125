package org.perfect21.execution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.perfect21.history.LaunchRecords;
import org.perfect21.history.RunHistory;
import org.perfect21.workflow.DefinitionCatalog;
import org.perfect21.workflow.ParameterResolver;
import org.perfect21.workflow.WorkflowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Launches runs asynchronously under a concurrency limit. A launch is written as a QUEUED run before
 * it is answered; at most {@code max-concurrent-runs} execute at once, and each run that ends starts
 * the next queued one (no polling). The queue is the QUEUED rows, so it survives restarts; a full
 * queue refuses launches. Restarts go through the same queue.
 */
@Component
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);
    private static final String SHUTDOWN_NOTE = "interrupted by a shutdown; resumes when Perfect21 starts again";

    private final LaunchRecords records;
    private final RunHistory history;
    private final WorkflowRunner runner;
    private final DefinitionCatalog catalog;
    private final Executor executor;
    private final LiveRuns liveRuns;
    private final ExecutionProperties properties;
    private final JsonMapper json;
    private final JsonMapper canonical;

    // Guarded by this: the waiting runs in start order, the runs executing, whether launches are taken.
    private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    private final java.util.Set<String> executing = new java.util.HashSet<>();
    // Launches admitted whose QUEUED row is being written.
    private int reserved;
    private boolean accepting = true;
    private boolean closing;
    // Why queued runs are held back (e.g. memory pressure); null when they start as slots free.
    private String heldBecause;
    private Instant lastCreatedAt = Instant.EPOCH;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);
    // Exponentially weighted mean of run durations, for the Retry-After hint.
    private double meanRunSeconds = 1.0;

    RunLauncher(LaunchRecords records, RunHistory history, WorkflowRunner runner, DefinitionCatalog catalog,
                ThreadPoolTaskExecutor agentExecutor, LiveRuns liveRuns, ExecutionProperties properties, JsonMapper json,
                ObjectProvider<MeterRegistry> meters) {
        this.records = records;
        this.history = history;
        this.runner = runner;
        this.catalog = catalog;
        this.executor = agentExecutor;
        this.liveRuns = liveRuns;
        this.properties = properties;
        this.json = json;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        liveRuns.beforeStop(this::close);
        meters.ifAvailable(registry -> {
            Gauge.builder("perfect21.runs.queued", this, RunLauncher::queued).description("runs waiting in the launch queue")
                    .register(registry);
            Gauge.builder("perfect21.runs.executing", this, RunLauncher::executing)
                    .description("runs from the launch queue executing now").register(registry);
        });
    }

    /** A run waiting for a slot; workflow and params are null when it was queued by an earlier process. */
    private record Queued(String runId, WorkflowDefinition workflow, Map<String, Object> params, boolean resumed) {
    }

    /**
     * Launches a workflow: validates its parameters, records the run as QUEUED and answers; the run
     * starts when a slot is free.
     *
     * @param idempotencyKey null, or a key making repeats of this launch return the same run
     * @param origin         who launches ({@code api}, {@code schedule})
     * @throws NoSuchWorkflowException       unknown workflow
     * @throws org.perfect21.workflow.InvalidParametersException parameters that do not fit, all listed
     * @throws IdempotencyConflictException  the key was used with another request
     * @throws QueueFullException            the queue is at capacity
     * @throws LaunchesClosedException       the application is shutting down
     */
    public Launch launch(String workflowName, Map<String, ?> params, String idempotencyKey, String origin) {
        WorkflowDefinition workflow = catalog.workflow(workflowName)
                .orElseThrow(() -> new NoSuchWorkflowException(workflowName, catalog.current().workflows().keySet()));
        Map<String, Object> typed = ParameterResolver.resolve(workflow, params);
        String digest = idempotencyKey == null ? null : digest(workflowName, params);
        if (idempotencyKey != null) {
            Optional<Launch> repeat = repeatOf(idempotencyKey, digest);
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        String runId = RunIds.next();
        String source = workflow.source() == null ? null : workflow.source().toAbsolutePath().toString();
        String paramsJson = json.writeValueAsString(typed);
        Instant createdAt;
        synchronized (this) {
            admit();
            // The slot in the queue is held while the row is written, outside the lock, so launches write concurrently.
            reserved++;
            createdAt = nextCreatedAt();
        }
        boolean written = false;
        List<Queued> started = List.of();
        try {
            records.insertQueued(new LaunchRecords.QueuedLaunch(runId, workflowName, source, paramsJson, createdAt,
                    origin, idempotencyKey, digest));
            written = true;
        } catch (DuplicateKeyException e) {
            // The same key arrived concurrently and its run was recorded first.
            return repeatOf(idempotencyKey, digest).orElseThrow(() -> e);
        } finally {
            synchronized (this) {
                reserved--;
                if (written) {
                    waiting.add(new Queued(runId, workflow, typed, false));
                    started = takeStartable();
                }
            }
        }
        boolean startedNow = started.stream().anyMatch(q -> q.runId().equals(runId));
        startAll(started);
        return new Launch(runId, startedNow ? LaunchRecords.STARTING : LaunchRecords.QUEUED, false);
    }

    /**
     * Queues a failed or stopped run to run again: completed agents are kept, the others run.
     *
     * @throws NoSuchRunException         when no run has this id
     * @throws RunNotRestartableException when it is completed, queued or running
     */
    public Launch restart(String runId) {
        RunHistory.StoredRun stored = history.storedRun(runId).orElseThrow(() -> new NoSuchRunException(runId));
        synchronized (this) {
            admit();
            if (liveRuns.isExecuting(runId) || !records.requeue(runId, List.of("FAILED", LaunchRecords.STOPPED), null)) {
                throw new RunNotRestartableException("run " + runId + " is " + history.storedRun(runId).map(
                        RunHistory.StoredRun::status).orElse(stored.status()) + "; only FAILED or STOPPED runs restart");
            }
            waiting.add(new Queued(runId, null, null, false));
        }
        List<Queued> started = takeStartable();
        startAll(started);
        return new Launch(runId, started.stream().anyMatch(q -> q.runId().equals(runId)) ? LaunchRecords.STARTING
                : LaunchRecords.QUEUED, false);
    }

    /**
     * Stops a run: a queued one never starts; a running one has its agents cancelled (processes killed)
     * and ends STOPPED, restartable later.
     *
     * @throws NoSuchRunException       when no run has this id
     * @return true when the run was queued and is now STOPPED; false when a running run was asked to stop
     * @throws RunNotStoppableException when it has ended or runs in another process
     */
    public boolean stop(String runId) {
        RunHistory.StoredRun stored = history.storedRun(runId).orElseThrow(() -> new NoSuchRunException(runId));
        synchronized (this) {
            if (waiting.removeIf(q -> q.runId().equals(runId))) {
                records.stopQueued(runId, "stopped before it started", Instant.now());
                return true;
            }
        }
        if (runner.stop(runId, "stopped on request")) {
            return false;
        }
        // Queued by another process, or taken from the queue and not yet claimed: stop it where it stands.
        if (records.stopQueued(runId, "stopped before it started", Instant.now())) {
            return true;
        }
        throw new RunNotStoppableException("run " + runId + " is " + stored.status() + " and not running here; "
                + "only QUEUED or RUNNING runs can be stopped");
    }

    /** Takes over runs a previous process left queued or unfinished; they start as slots allow. */
    public int takeOver() {
        int taken = 0;
        for (LaunchRecords.PendingRun pending : records.pending()) {
            if (liveRuns.isExecuting(pending.runId())) {
                continue;
            }
            boolean resumed = !LaunchRecords.QUEUED.equals(pending.status());
            if (resumed && !records.requeue(pending.runId(), List.of(pending.status()),
                    "resumed: the process running it ended before it finished")) {
                continue;
            }
            synchronized (this) {
                if (waiting.stream().noneMatch(q -> q.runId().equals(pending.runId()))) {
                    waiting.add(new Queued(pending.runId(), null, null, resumed));
                    taken++;
                }
            }
        }
        if (taken > 0) {
            log.info("Taking over {} queued or unfinished run(s) left by an earlier process", taken);
        }
        startAll(takeStartable());
        return taken;
    }

    /**
     * Holds queued runs back: launches are still accepted and queued, runs executing go on, but none
     * starts until {@link #resumeStarts()}.
     */
    public void holdStarts(String reason) {
        synchronized (this) {
            heldBecause = reason;
        }
        log.warn("Holding queued runs: {}", reason);
    }

    /** Starts queued runs again as slots allow. */
    public void resumeStarts() {
        synchronized (this) {
            if (heldBecause == null) {
                return;
            }
            heldBecause = null;
        }
        log.info("Queued runs start again");
        startAll(takeStartable());
    }

    /** Why queued runs are held back, or null. */
    public synchronized String heldBecause() {
        return heldBecause;
    }

    public synchronized int queued() {
        return waiting.size();
    }

    public synchronized int executing() {
        return executing.size();
    }

    private Optional<Launch> repeatOf(String key, String digest) {
        return records.findByIdempotencyKey(key).map(earlier -> {
            if (!digest.equals(earlier.requestDigest())) {
                throw new IdempotencyConflictException(earlier.runId());
            }
            return new Launch(earlier.runId(), earlier.status(), true);
        });
    }

    /** Refuses a launch while closing or when the queue is full. Called holding the lock. */
    private void admit() {
        if (!accepting) {
            throw new LaunchesClosedException();
        }
        // A launch that would start at once does not count against the queue.
        int queued = waiting.size() + reserved;
        if (queued >= properties.queueCapacity() && !(queued == 0 && executing.size() < properties.maxConcurrentRuns())) {
            long seconds = (long) Math.ceil(meanRunSeconds * Math.max(1, queued - properties.queueCapacity() + 1)
                    / properties.maxConcurrentRuns());
            throw new QueueFullException(properties.queueCapacity(), Math.max(1, seconds));
        }
    }

    /** Creation times strictly increase, so the stored queue order is the admission order. Called holding the lock. */
    private Instant nextCreatedAt() {
        Instant now = Instant.now();
        lastCreatedAt = now.isAfter(lastCreatedAt) ? now : lastCreatedAt.plusNanos(1000);
        return lastCreatedAt;
    }

    private synchronized List<Queued> takeStartable() {
        List<Queued> start = new ArrayList<>();
        while (!closing && heldBecause == null && executing.size() < properties.maxConcurrentRuns() && !waiting.isEmpty()) {
            Queued next = waiting.poll();
            start.add(next);
            if (executing.isEmpty()) {
                idle = new CompletableFuture<>();
            }
            executing.add(next.runId());
        }
        return start;
    }

    private void startAll(List<Queued> runs) {
        for (Queued queued : runs) {
            try {
                // Marked: the thread is held for the whole run, which is not agent work.
                executor.execute(new RunSlotTask(() -> execute(queued)));
            } catch (RejectedExecutionException e) {
                // The executor is closing: the run stays QUEUED in the database for the next start.
                ended(queued, null);
            }
        }
    }

    /** Runs one claimed run to its end on an executor thread, then frees its slot for the next. */
    private void execute(Queued queued) {
        long started = System.nanoTime();
        String status = null;
        try {
            if (records.claim(queued.runId())) {
                status = runner.runClaimed(queued.runId(), queued.workflow(), queued.params(), queued.resumed()).status();
            }
        } catch (RuntimeException e) {
            log.warn("Run {} could not start: {}", queued.runId(), e.getMessage());
            history.markEnded(queued.runId(), null, null, "FAILED", Instant.now(), "could not start: " + e.getMessage());
            status = "FAILED";
        } finally {
            synchronized (this) {
                double seconds = (System.nanoTime() - started) / 1e9;
                meanRunSeconds = 0.8 * meanRunSeconds + 0.2 * seconds;
            }
            ended(queued, status);
        }
    }

    private void ended(Queued queued, String status) {
        boolean requeue;
        synchronized (this) {
            requeue = closing && LaunchRecords.STOPPED.equals(status);
        }
        if (requeue) {
            records.requeue(queued.runId(), List.of(LaunchRecords.STOPPED), SHUTDOWN_NOTE);
        }
        CompletableFuture<Void> nowIdle = null;
        synchronized (this) {
            executing.remove(queued.runId());
            if (executing.isEmpty()) {
                nowIdle = idle;
            }
        }
        if (nowIdle != null) {
            nowIdle.complete(null);
        }
        startAll(takeStartable());
    }

    /**
     * Closing: no more launches; runs from the queue are stopped and put back in the queue, to resume
     * when the application starts again; waits (bounded) for them to end.
     */
    void close() {
        CompletableFuture<Void> wait;
        List<String> mine;
        synchronized (this) {
            accepting = false;
            closing = true;
            wait = idle;
            mine = List.copyOf(executing);
        }
        // Only the queue's own runs: a command-line run in this process ends STOPPED when it closes.
        mine.forEach(runId -> runner.stop(runId, SHUTDOWN_NOTE));
        try {
            wait.get(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn("Runs still executing after {}; they resume at the next start", properties.shutdownGrace());
        }
    }

    private String digest(String workflow, Map<String, ?> params) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(workflow.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonical.writeValueAsBytes(params == null ? Map.of() : params));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
