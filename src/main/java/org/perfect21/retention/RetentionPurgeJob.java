package org.perfect21.retention;

import org.perfect21.cache.ResultCache;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Runs the retention purge when its trigger fires, then deletes the expired rows of the result cache.
 * Never two at once, also across a Quartz cluster.
 */
@DisallowConcurrentExecution
public class RetentionPurgeJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurgeJob.class);

    private final RunPurger purger;
    private final ResultCache resultCache;

    // Constructor injection: Boot's job factory autowires it (setter injection left fields null).
    public RetentionPurgeJob(RunPurger purger, ResultCache resultCache) {
        this.purger = purger;
        this.resultCache = resultCache;
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
        } finally {
            purgeExpiredResults();
        }
    }

    // Whatever became of the run purge; and a failure here only logs, it never fails the run purge.
    private void purgeExpiredResults() {
        try {
            log.info("Scheduled purge deleted {} expired result cache rows", resultCache.purgeExpired());
        } catch (RuntimeException e) {
            log.warn("Purging expired result cache rows failed; the next firing tries again: {}", e.toString());
        }
    }
}
