package org.perfect21.execution;

import java.time.Instant;

import org.perfect21.history.RunHistory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Records a run's outcome in {@code P21_RUN} when its job ends. (The run is marked running with its
 * first phase, in the same transaction.)
 */
final class RunListener implements JobExecutionListener {

    private final String runId;
    private final RunHistory history;

    RunListener(String runId, RunHistory history) {
        this.runId = runId;
        this.history = history;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String error = execution.getAllFailureExceptions().stream()
                .map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                .findFirst().orElse(null);
        history.markEnded(runId, execution.getJobInstance().getInstanceId(), execution.getId(), execution.getStatus().name(),
                Instant.now(), error);
    }
}
