package org.perfect21.launch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.perfect21.execution.AgentPool;
import org.perfect21.execution.ExecutionProperties;
import org.perfect21.execution.RunNotRestartableException;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.history.RunHistory;
import org.perfect21.history.RunIds;
import org.perfect21.history.RunStatus;
import org.perfect21.workflow.DefinitionCatalog;
import org.perfect21.workflow.ParameterResolver;
import org.perfect21.workflow.WorkflowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
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

    private final LaunchRecords records;
    private final RunHistory history;
    private final WorkflowRunner runner;
    private final DefinitionCatalog catalog;
    private final ExecutionProperties properties;
    private final JsonMapper json;
    private final IdempotencyKeys keys;
    private final LaunchQueue queue;
    private final RunSlots slots;

    RunLauncher(LaunchRecords records, RunHistory history, WorkflowRunner runner, DefinitionCatalog catalog, AgentPool pool,
                ExecutionProperties properties, JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        this.records = records;
        this.history = history;
        this.runner = runner;
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
        this.keys = new IdempotencyKeys(records, json);
        RunDurations durations = new RunDurations();
        this.queue = new LaunchQueue(properties.maxConcurrentRuns(), properties.queueCapacity(), durations);
        this.slots = new RunSlots(queue, records, history, runner, pool, durations);
        runner.beforeShutdown(this::close);
        meters.ifAvailable(registry -> {
            Gauge.builder("perfect21.runs.queued", this, RunLauncher::queued).description("runs waiting in the launch queue")
                    .register(registry);
            Gauge.builder("perfect21.runs.executing", this, RunLauncher::executing)
                    .description("runs from the launch queue executing now").register(registry);
        });
    }

    /**
     * Launches a workflow: validates its parameters, records the run as QUEUED and answers; the run
     * starts when a slot is free.
     *
     * @param idempotencyKey null, or a key making repeats of this launch return the same run
     * @param origin         who launches ({@code api}, {@code schedule})
     * @throws org.perfect21.workflow.NoSuchWorkflowException    unknown workflow
     * @throws org.perfect21.workflow.InvalidParametersException parameters that do not fit, all listed
     * @throws IdempotencyConflictException  the key was used with another request
     * @throws QueueFullException            the queue is at capacity
     * @throws LaunchesClosedException       the application is shutting down
     */
    public Launch launch(String workflowName, Map<String, ?> params, String idempotencyKey, String origin) {
        WorkflowDefinition workflow = catalog.require(workflowName);
        Map<String, Object> typed = ParameterResolver.resolve(workflow, params);
        String digest = idempotencyKey == null ? null : keys.digest(workflowName, params);
        if (idempotencyKey != null) {
            Optional<Launch> repeat = keys.repeatOf(idempotencyKey, digest);
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        String runId = RunIds.next();
        String source = workflow.source() == null ? null : workflow.source().toAbsolutePath().toString();
        Instant createdAt = queue.reserve();
        QueuedRun written = null;
        List<QueuedRun> started = List.of();
        try {
            records.insertQueued(new LaunchRecords.QueuedLaunch(runId, workflowName, source, json.writeValueAsString(typed),
                    createdAt, origin, idempotencyKey, digest));
            written = new QueuedRun(runId, workflow, typed, false);
        } catch (DuplicateKeyException e) {
            // The same key arrived concurrently and its run was recorded first.
            return keys.repeatOf(idempotencyKey, digest).orElseThrow(() -> e);
        } finally {
            started = slots.start(queue.release(written));
        }
        return new Launch(runId, statusOf(runId, started), false);
    }

    /**
     * Queues a failed or stopped run to run again: completed agents are kept, the others run.
     *
     * @throws NoSuchRunException         when no run has this id
     * @throws RunNotRestartableException when it is completed, queued or running
     */
    public Launch restart(String runId) {
        RunHistory.StoredRun stored = history.storedRun(runId).orElseThrow(() -> new NoSuchRunException(runId));
        List<QueuedRun> started = queue.admitStored(() -> {
            if (runner.isExecuting(runId) || !records.requeue(runId, RunStatus.restartable(), null)) {
                RunStatus now = history.storedRun(runId).map(RunHistory.StoredRun::status).orElse(stored.status());
                throw new RunNotRestartableException("run " + runId + " is " + now + "; only FAILED or STOPPED runs restart");
            }
        }, QueuedRun.stored(runId, false));
        return new Launch(runId, statusOf(runId, slots.start(started)), false);
    }

    /**
     * Stops a run: a queued one never starts; a running one has its agents cancelled (processes killed)
     * and ends STOPPED, restartable later.
     *
     * @return true when the run was queued and is now STOPPED; false when a running run was asked to stop
     * @throws NoSuchRunException       when no run has this id
     * @throws RunNotStoppableException when it has ended or runs in another process
     */
    public boolean stop(String runId) {
        RunHistory.StoredRun stored = history.storedRun(runId).orElseThrow(() -> new NoSuchRunException(runId));
        if (queue.withdraw(runId)) {
            records.stopQueued(runId, "stopped before it started", Instant.now());
            return true;
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
            if (runner.isExecuting(pending.runId())) {
                continue;
            }
            boolean resumed = pending.status() != RunStatus.QUEUED;
            if (resumed && !records.requeue(pending.runId(), List.of(pending.status()),
                    "resumed: the process running it ended before it finished")) {
                continue;
            }
            if (queue.adopt(QueuedRun.stored(pending.runId(), resumed))) {
                taken++;
            }
        }
        if (taken > 0) {
            log.info("Taking over {} queued or unfinished run(s) left by an earlier process", taken);
        }
        slots.startWhatCan();
        return taken;
    }

    /**
     * Holds queued runs back: launches are still accepted and queued, runs executing go on, but none
     * starts until {@link #resumeStarts()}.
     */
    public void holdStarts(String reason) {
        queue.hold(reason);
        log.warn("Holding queued runs: {}", reason);
    }

    /** Starts queued runs again as slots allow. */
    public void resumeStarts() {
        if (queue.resume()) {
            log.info("Queued runs start again");
            slots.startWhatCan();
        }
    }

    /** Why queued runs are held back, or null. */
    public String heldBecause() {
        return queue.heldBecause();
    }

    public int queued() {
        return queue.waitingCount();
    }

    public int executing() {
        return queue.executingCount();
    }

    private static RunStatus statusOf(String runId, List<QueuedRun> started) {
        return started.stream().anyMatch(q -> q.runId().equals(runId)) ? RunStatus.STARTING : RunStatus.QUEUED;
    }

    /**
     * Closing: no more launches; runs from the queue are stopped and put back in the queue, to resume
     * when the application starts again; waits for them to end, at most the shutdown grace.
     */
    void close() {
        LaunchQueue.Closing closing = queue.close();
        // Only the queue's own runs: a command-line run in this process ends STOPPED when it closes.
        closing.executing().forEach(runId -> runner.stop(runId, RunSlots.SHUTDOWN_NOTE));
        try {
            closing.idle().copy().orTimeout(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TimeoutException) {
                log.warn("Runs still executing after {}; they resume at the next start", properties.shutdownGrace());
            } else {
                throw e;
            }
        }
    }
}
