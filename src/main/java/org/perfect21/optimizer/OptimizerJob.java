package org.perfect21.optimizer;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The Quartz job of the optimizer: one tick per firing, never two at once. */
@DisallowConcurrentExecution
class OptimizerJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(OptimizerJob.class);

    private final Optimizer optimizer;

    // Boot's job factory creates jobs through the bean factory: constructor injection works.
    OptimizerJob(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            optimizer.tick();
        } catch (RuntimeException e) {
            // The next tick tries again; its window then also covers this one.
            log.warn("Optimizer tick failed: {}", e.toString());
        }
    }
}
