package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.workflow.JobsDirectory.assertProblem;

/**
 * An agent file's body is its system prompt, passed on verbatim; what it is asked comes from its {@code instruction}
 * key and the phase's. Only {@code template: true} renders a body. Template errors name their real line and column.
 */
class SystemPromptTests {

    /** What real Claude Code agent libraries put in their prompts: other template languages, unbalanced braces. */
    static final String TEMPLATE_LIKE_BODY = """
            You review Helm charts and Handlebars views.

            Handlebars: {{#each items}}<li>{{this}}</li>{{/each}}
            Jinja: {% if user %}Hello {{ user.name }}{% endif %}
            Go templates: {{ .Values.image.tag }} and {{- range .Items }}
            An unbalanced opening: {{ and a lone }} close.""";

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void emptyJobsDirectory() {
        jobs = new JobsDirectory(dir);
    }

    @Test
    void aBodyFullOfOtherTemplateLanguagesLoadsAndIsPassedOnByteForByte() {
        // given
        jobs.agent("helm-reviewer.md", """
                ---
                name: helm-reviewer
                description: Reviews charts.
                kind: simulated
                instruction: |
                  Review {{params.chart}} in phase {{phase.name}}.
                ---

                """ + TEMPLATE_LIKE_BODY + "\n");
        jobs.workflow("wf.yml", """
                name: wf
                parameters:
                  chart: {default: web}
                phases:
                  - name: review
                    instruction: Be brief.
                    agents: [helm-reviewer]
                """);

        // when
        PreparedAgent agent = jobs.loadWorkflow("wf").phases().get(0).agents().get(0);

        // then
        Map<String, Object> scope = Map.of("params", Map.of("chart", "web"), "phase", Map.of("name", "review"));
        assertThat(agent.systemPrompt().render(scope)).isEqualTo(TEMPLATE_LIKE_BODY);
        assertThat(agent.instruction().render(scope)).isEqualTo("Review web in phase review.\n\nBe brief.");
    }

    @Test
    void aBodyMarkedAsATemplateIsRendered() {
        // given
        jobs.agent("templated.md", """
                ---
                name: templated
                description: A rendered prompt.
                kind: simulated
                template: true
                ---
                You work on {{params.project}}.
                """);
        jobs.workflow("wf.yml", "name: wf\nparameters:\n  project: {default: x}\nphases:\n  - name: p\n    agents: [templated]\n");

        // when
        PreparedAgent agent = jobs.loadWorkflow("wf").phases().get(0).agents().get(0);

        // then
        assertThat(agent.systemPrompt().render(Map.of("params", Map.of("project", "perfect21"))))
                .isEqualTo("You work on perfect21.");
        assertThat(agent.instruction().render(Map.of())).as("neither the agent nor the phase gives one").isEmpty();
    }

    @Test
    void aMalformedTemplateBodyNamesItsLineAndColumnInTheFile() {
        // given
        Path file = jobs.agent("broken.md", """
                ---
                name: broken
                description: A broken template.
                kind: simulated
                template: true
                ---

                First line.
                Second line with {{#open}} a section,
                  then {{/close}} the wrong end.
                """);

        // when
        DefinitionProblem problem = jobs.onlyProblem();

        // then: the body starts on line 8, after a blank line; the wrong end is on line 10, column 8
        assertProblem(problem, file, 10, "body", "malformed template", "Mismatched start/end tags", "column 8");
    }

    @Test
    void aMalformedInstructionNamesItsLineInTheFile() {
        // given
        Path file = jobs.agent("asks-badly.md", """
                ---
                name: asks-badly
                description: A broken instruction.
                kind: simulated
                instruction: |
                  Fine here.
                  Not fine: {{#params.x}} never closed
                ---
                A verbatim {{#body}}, which is fine.
                """);

        // when
        DefinitionProblem problem = jobs.onlyProblem();

        // then
        assertProblem(problem, file, 7, "instruction", "malformed template", "Failed to close 'params.x'");
    }
}
