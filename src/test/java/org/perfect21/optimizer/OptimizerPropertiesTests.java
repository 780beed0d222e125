package org.perfect21.optimizer;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** perfect21.optimizer.* and perfect21.memory.*: defaults, and settings that cannot work are refused at start. */
class OptimizerPropertiesTests {

    @Test
    void defaults() {
        OptimizerProperties optimizer = bind(Map.of(), "perfect21.optimizer", OptimizerProperties.class);
        MemoryProperties memory = bind(Map.of(), "perfect21.memory", MemoryProperties.class);

        assertThat(optimizer.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(optimizer.minAgentThreads()).isEqualTo(4);
        assertThat(optimizer.maxAgentThreads()).isEqualTo(256);
        assertThat(optimizer.keepDecisions()).isEqualTo(Duration.ofDays(30));
        assertThat(optimizer.slo()).isEqualTo(new OptimizerProperties.Slo(Duration.ofMillis(800), Duration.ofMillis(1500), 0.95));
        assertThat(memory).isEqualTo(new MemoryProperties(0.85, 0.70));
    }

    @Test
    void settingsAreBoundFromTheirNames() {
        OptimizerProperties optimizer = bind(Map.of("perfect21.optimizer.interval", "30s",
                "perfect21.optimizer.slo.run-p95", "2s", "perfect21.optimizer.slo.success-rate", "0.99"),
                "perfect21.optimizer", OptimizerProperties.class);

        assertThat(optimizer.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(optimizer.slo().runP95()).isEqualTo(Duration.ofSeconds(2));
        assertThat(optimizer.slo().agentP95()).isEqualTo(Duration.ofMillis(800));
        assertThat(optimizer.slo().successRate()).isEqualTo(0.99);
    }

    @Test
    void boundsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("perfect21.optimizer.min-agent-threads", "10",
                "perfect21.optimizer.max-agent-threads", "5"), "perfect21.optimizer", OptimizerProperties.class))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessage("perfect21.optimizer.min-agent-threads (10) must not exceed max-agent-threads (5)");
        assertThatThrownBy(() -> bind(Map.of("perfect21.memory.low", "0.9"), "perfect21.memory", MemoryProperties.class))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessage("perfect21.memory needs 0 < low < high < 1, not low=0.9, high=0.85");
        assertThatThrownBy(() -> bind(Map.of("perfect21.optimizer.interval", "10ms"), "perfect21.optimizer",
                OptimizerProperties.class)).isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("interval must be at least 1s");
    }

    private static <T> T bind(Map<String, String> properties, String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }
}
