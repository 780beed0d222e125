package org.perfect21.execution.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.perfect21.execution.RunFinished;
import org.perfect21.execution.live.RunEvents;
import org.perfect21.history.RunHistory;
import org.perfect21.history.RunStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Records a run's outcome in {@code P21_RUN} when its job ends, then tells of it. (The run is marked running
 * with its first phase, in the same transaction.)
 */
final class RunListener implements JobExecutionListener {

    private final String runId;
    private final String workflow;
    private final RunHistory history;
    private final RunEvents events;

    RunListener(String runId, String workflow, RunHistory history, RunEvents events) {
        this.runId = runId;
        this.workflow = workflow;
        this.history = history;
        this.events = events;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String error = execution.getAllFailureExceptions().stream()
                .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                .findFirst().orElse(null);
        RunStatus status = JobStatuses.ofRun(execution.getStatus());
        Instant endedAt = Instant.now();
        history.markEnded(runId, execution.getJobInstance().getInstanceId(), execution.getId(), status, endedAt, error);
        // The job's own start, in the local time Spring Batch keeps; its end is not set yet while listeners run.
        Duration ran = execution.getStartTime() == null ? null : Duration.between(execution.getStartTime(), LocalDateTime.now());
        events.publish(new RunFinished(runId, workflow, status, endedAt, ran, error));
    }
}
