package org.perfect21.launch;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.perfect21.execution.AgentPool;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunHistory;
import org.perfect21.history.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queue's runs in their slots: each on a run-slot thread of the agent pool, claimed first (a run
 * stopped meanwhile is not claimed), run to its end, and then the next waiting runs start. A run the
 * shutdown stopped goes back to the queue, to resume at the next start.
 */
final class RunSlots {

    static final String SHUTDOWN_NOTE = "interrupted by a shutdown; resumes when Perfect21 starts again";
    private static final Logger log = LoggerFactory.getLogger(RunSlots.class);

    private final LaunchQueue queue;
    private final LaunchRecords records;
    private final RunHistory history;
    private final WorkflowRunner runner;
    private final AgentPool pool;
    private final RunDurations durations;

    RunSlots(LaunchQueue queue, LaunchRecords records, RunHistory history, WorkflowRunner runner, AgentPool pool,
             RunDurations durations) {
        this.queue = queue;
        this.records = records;
        this.history = history;
        this.runner = runner;
        this.pool = pool;
        this.durations = durations;
    }

    /** Starts what the queue lets start now. */
    void startWhatCan() {
        start(queue.takeStartable());
    }

    /** Starts runs the queue has marked executing; returns them. */
    List<QueuedRun> start(List<QueuedRun> runs) {
        for (QueuedRun run : runs) {
            try {
                pool.startRunSlot(() -> execute(run));
            } catch (RejectedExecutionException e) {
                // The executor is closing: the run stays QUEUED in the database for the next start.
                ended(run, null);
            }
        }
        return runs;
    }

    /** Runs one claimed run to its end on a run-slot thread, then frees its slot for the next. */
    private void execute(QueuedRun run) {
        long started = System.nanoTime();
        RunStatus status = null;
        try {
            if (records.claim(run.runId())) {
                status = runner.runClaimed(run.runId(), run.workflow(), run.params(), run.resumed()).status();
            }
        } catch (RuntimeException e) {
            log.warn("Run {} could not start", run.runId(), e);
            history.markEnded(run.runId(), null, null, RunStatus.FAILED, Instant.now(), "could not start: " + e.getMessage());
            status = RunStatus.FAILED;
        } finally {
            durations.ran(System.nanoTime() - started);
            ended(run, status);
        }
    }

    private void ended(QueuedRun run, RunStatus status) {
        if (status == RunStatus.STOPPED && queue.isClosing()) {
            records.requeue(run.runId(), List.of(RunStatus.STOPPED), SHUTDOWN_NOTE);
        }
        queue.finished(run.runId());
        startWhatCan();
    }
}
