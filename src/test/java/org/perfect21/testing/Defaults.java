package org.perfect21.testing;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.perfect21.agent.InstructionTemplates;
import org.perfect21.agent.TemplateProperties;
import org.perfect21.agent.claude.ClaudeProperties;
import org.perfect21.agent.http.HttpProperties;
import org.perfect21.git.GitProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

/** Components built outside a Spring context, with the settings their properties default to. */
public final class Defaults {

    private Defaults() {
    }

    /** {@code perfect21.git.*} as they default. */
    public static GitProperties gitProperties() {
        return new GitProperties(256, 1000, 16);
    }

    /** {@code perfect21.agents.claude.*} as they default. */
    public static ClaudeProperties claudeProperties() {
        return new ClaudeProperties("claude", "dontAsk", Map.of(), DataSize.ofMegabytes(4));
    }

    /** {@code perfect21.agents.http.*} as they default. */
    public static HttpProperties httpProperties() {
        return new HttpProperties(java.time.Duration.ofSeconds(10), DataSize.ofMegabytes(5));
    }

    /** Instruction templates with {@code perfect21.templates.cache-size} as it defaults, without metrics. */
    public static InstructionTemplates templates() {
        return new InstructionTemplates(new TemplateProperties(256), noMeters());
    }

    /** No meter registry. */
    public static ObjectProvider<MeterRegistry> noMeters() {
        return new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class);
    }
}
