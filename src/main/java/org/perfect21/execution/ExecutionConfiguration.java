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
        // The one executor also carries each queued run's job thread (mostly waiting on its agents),
        // so it holds a thread per run slot on top of the agents' threads.
        // core == max: with an unbounded queue a pool never grows past its core size.
        int threads = properties.agentThreads() + properties.maxConcurrentRuns();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        // Idle threads are released, so a large run slot count costs nothing while idle.
        executor.setAllowCoreThreadTimeOut(true);
        executor.setKeepAliveSeconds(60);
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
