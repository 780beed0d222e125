package org.perfect21.agent;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.testing.Defaults;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstructionTemplatesTests {

    private final InstructionTemplates templates = Defaults.templates();

    @Test
    void rendersParametersSectionsAndNestedValuesWithoutHtmlEscaping() {
        Template template = templates.compile("t", "Review {{params.file}} for <{{params.who}}>:{{#items}} {{name}}{{/items}}");

        String text = template.render(Map.of("params", Map.of("file", "a&b.java", "who", "\"ops\""),
                "items", List.of(Map.of("name", "x"), Map.of("name", "y"))));

        assertThat(text).isEqualTo("Review a&b.java for <\"ops\">: x y");
    }

    @Test
    void theSameTextIsCompiledOnceWhoeverAsks() {
        Template first = templates.compile("agent-a.md:1", "Hello {{params.name}}");
        Template second = templates.compile("agent-b.md:7", "Hello {{params.name}}");
        templates.compile("other", "Bye {{params.name}}");

        assertThat(second).isSameAs(first);
        assertThat(templates.compilations()).isEqualTo(2);
        assertThat(second.render(Map.of("params", Map.of("name", "Ada")))).isEqualTo("Hello Ada");
    }

    @Test
    void textWithoutTagsIsNotCompiledAtAll() {
        assertThat(templates.compile("plain", "just text").render(Map.of())).isEqualTo("just text");
        assertThat(templates.compilations()).isZero();
    }

    @Test
    void theCacheIsBoundedAndTrimmable() {
        InstructionTemplates small = new InstructionTemplates(new TemplateProperties(2), Defaults.noMeters());
        for (int i = 0; i < 50; i++) {
            small.compile("t" + i, "{{a}}" + i);
        }
        small.compile("again", "{{a}}49");
        assertThat(small.compilations()).as("the most recent stays cached").isEqualTo(50);

        assertThat(small.trim()).isLessThanOrEqualTo(2);
        small.compile("again", "{{a}}49");
        assertThat(small.compilations()).as("compiled again after a trim").isEqualTo(51);
    }

    @Test
    void cacheStatisticsAreMetrics() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("registry", registry));
        InstructionTemplates measured = new InstructionTemplates(new TemplateProperties(256),
                beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        measured.compile("a", "{{x}}");
        measured.compile("b", "{{x}}");

        assertThat(registry.get("cache.gets").tag("cache", "perfect21.templates").tag("result", "hit").functionCounter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("cache.gets").tag("cache", "perfect21.templates").tag("result", "miss").functionCounter().count())
                .isEqualTo(1.0);
    }

    @Test
    void malformedTemplatesAndPartialsAreDefinitionErrors() {
        assertThatThrownBy(() -> templates.compile("bad.md", "{{#open}} never closed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed template");
        assertThatThrownBy(() -> templates.compile("partial.md", "{{> /etc/passwd}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partials");
    }

    @Test
    void aTemplateTellsTheNamesItReadsWithTheirLinesAndSections() {
        InstructionTemplates.Template template = templates.compile("t", """
                Feature {{params.feature}} in {{phase.name}}.
                {{#context.entries}}
                - {{agent}}: {{content}} ({{params.feature}})
                {{/context.entries}}
                {{^git.clean}}dirty: {{git.status}}{{/git.clean}}
                """);

        assertThat(template.references()).containsExactly(
                new TemplateReference("params.feature", 1, 9, List.of()),
                new TemplateReference("phase.name", 1, 31, List.of()),
                new TemplateReference("context.entries", 2, 1, List.of()),
                new TemplateReference("agent", 3, 3, List.of("context.entries")),
                new TemplateReference("content", 3, 14, List.of("context.entries")),
                new TemplateReference("params.feature", 3, 27, List.of("context.entries")),
                new TemplateReference("git.clean", 5, 1, List.of()),
                new TemplateReference("git.status", 5, 22, List.of("git.clean")));
        assertThat(templates.compile("plain", "No names here.").references()).isEmpty();
    }
}
