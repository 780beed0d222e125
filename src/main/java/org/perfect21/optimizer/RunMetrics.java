package org.perfect21.optimizer;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.RunFinished;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Run and agent durations as Micrometer timers, from the run events: {@code perfect21.run.duration} by workflow and
 * status, {@code perfect21.agent.duration} by kind, status and cache tier (agent names are left out: a library may
 * hold hundreds). They feed dashboards and alerts the way the optimizer's SLOs read the history.
 */
@Component
class RunMetrics {

    private final MeterRegistry registry;

    RunMetrics(ObjectProvider<MeterRegistry> meters) {
        this.registry = meters.getIfAvailable();
    }

    @EventListener
    void runFinished(RunFinished run) {
        if (registry == null || run.duration() == null) {
            return;
        }
        Timer.builder("perfect21.run.duration").description("how long runs' jobs ran, by workflow and final status")
                .tag("workflow", run.workflow()).tag("status", run.status().name())
                .register(registry).record(run.duration());
    }

    @EventListener
    void agentCompleted(AgentCompleted agent) {
        if (registry == null || agent.startedAt() == null || agent.endedAt() == null) {
            return;
        }
        Timer.builder("perfect21.agent.duration").description("how long agents took, by kind, final status and cache tier")
                .tag("kind", agent.kind()).tag("status", agent.status().name())
                .tag("cache", agent.cacheTier() == null ? "none" : agent.cacheTier().toLowerCase(Locale.ROOT))
                .register(registry).record(Duration.between(agent.startedAt(), agent.endedAt()));
    }
}
