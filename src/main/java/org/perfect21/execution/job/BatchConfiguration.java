package org.perfect21.execution.job;

import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Batch settings beyond Boot's defaults. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    /**
     * Step and job execution contexts as JSON rather than Base64 Java serialization: cheaper to write
     * on every step, and readable by an admin looking at {@code BATCH_STEP_EXECUTION_CONTEXT}.
     */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return new JacksonExecutionContextStringSerializer();
    }
}
