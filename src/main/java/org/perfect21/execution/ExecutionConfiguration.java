package org.perfect21.execution;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The platform's one agent executor and the dispatcher that bounds agents in flight. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean
    ThreadPoolTaskExecutor agentExecutor(ExecutionProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        // core == max: with an unbounded queue a pool never grows past its core size.
        executor.setCorePoolSize(properties.agentThreads());
        executor.setMaxPoolSize(properties.agentThreads());
        executor.setThreadNamePrefix("perfect21-agent-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    AgentDispatcher agentDispatcher(ExecutionProperties properties, ThreadPoolTaskExecutor agentExecutor) {
        return new AgentDispatcher(properties.maxConcurrentAgents(), agentExecutor);
    }
}
