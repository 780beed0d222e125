package org.perfect21.execution;

import java.time.Instant;

import org.perfect21.history.RunHistory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Mirrors a run's job execution into {@code P21_RUN}: running when the job starts, its outcome when it ends. */
final class RunListener implements JobExecutionListener {

    private final String runId;
    private final RunHistory history;

    RunListener(String runId, RunHistory history) {
        this.runId = runId;
        this.history = history;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        history.markRunning(runId, execution.getJobInstance().getInstanceId(), execution.getId(), Instant.now());
    }

    @Override
    public void afterJob(JobExecution execution) {
        String error = execution.getAllFailureExceptions().stream()
                .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                .findFirst().orElse(null);
        history.markEnded(runId, execution.getStatus().name(), Instant.now(), error);
    }
}
