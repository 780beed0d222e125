package org.perfect21.retention;

import org.perfect21.history.PurgeInProgressException;
import org.perfect21.history.PurgeTrigger;
import org.perfect21.history.RunPurger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Runs the retention purge when its trigger fires. Never two at once, also across a Quartz cluster. */
@DisallowConcurrentExecution
public class RetentionPurgeJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurgeJob.class);

    private final RunPurger purger;

    // Constructor injection: Boot's job factory autowires it (setter injection left fields null).
    public RetentionPurgeJob(RunPurger purger) {
        this.purger = purger;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        try {
            purger.purge(PurgeTrigger.SCHEDULE, false);
        } catch (PurgeInProgressException e) {
            // A purge started through the API or a former firing covers this one.
            log.info("Scheduled purge skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Recorded in P21_PURGE with its error; the next firing tries again.
            throw new JobExecutionException("retention purge failed: " + e.getMessage(), e, false);
        }
    }
}
