package org.perfect21.rollup;

import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Rolls up the agent results and runs of the hours that closed since the last firing. Never two at once, even in a cluster. */
@DisallowConcurrentExecution
public class RollupJob extends QuartzJobBean {

    private final HourlyRollup rollup;

    // Constructor injection: Boot's job factory autowires it.
    public RollupJob(HourlyRollup rollup) {
        this.rollup = rollup;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        try {
            rollup.rollUp(Instant.now());
        } catch (RuntimeException e) {
            // Nothing half-written: each chunk is one transaction, and the next firing takes up from the last one.
            throw new JobExecutionException("agent rollup failed: " + e.getMessage(), e, false);
        }
    }
}
