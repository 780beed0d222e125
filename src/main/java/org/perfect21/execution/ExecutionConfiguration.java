package org.perfect21.execution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.perfect21.execution.partition.AgentDispatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The platform's one agent executor, its meter, and the dispatcher that bounds agents in flight. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean
    ExecutorUtilization executorUtilization() {
        return new ExecutorUtilization();
    }

    @Bean
    ThreadPoolTaskExecutor agentExecutor(ExecutionProperties properties, ExecutorUtilization utilization) {
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
        // Busy time of agent work, for the optimizer's pool sizing.
        executor.setTaskDecorator(utilization);
        return executor;
    }

    @Bean
    AgentPool agentPool(ExecutionProperties properties, ThreadPoolTaskExecutor agentExecutor, ExecutorUtilization utilization,
                        ObjectProvider<MeterRegistry> meters) {
        AgentPool pool = new AgentPool(agentExecutor, utilization, properties.agentThreads(), properties.maxConcurrentRuns());
        meters.ifAvailable(registry -> Gauge.builder("perfect21.agents.threads", pool, AgentPool::agentThreads)
                .description("threads of the agent executor for agent work (besides one per run slot)").register(registry));
        return pool;
    }

    @Bean
    AgentDispatcher agentDispatcher(ExecutionProperties properties, ThreadPoolTaskExecutor agentExecutor) {
        return new AgentDispatcher(properties.maxConcurrentAgents(), agentExecutor);
    }
}
