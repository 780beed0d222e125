package org.perfect21.workflow;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.workflow.ParameterDefinition.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.workflow.JobsDirectory.assertProblem;
import static org.perfect21.workflow.JobsDirectory.minimalWorkflow;

/**
 * Loading a whole jobs directory: the shipped one, names that must be unique, and every problem reported
 * at once. What one agent file or one workflow file may say is in {@link AgentFileTests},
 * {@link WorkflowFileTests} and {@link WorkflowScheduleTests}.
 */
class DefinitionLoaderTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void emptyJobsDirectory() {
        jobs = new JobsDirectory(dir);
    }

    /** The {@code jobs/} directory shipped with the project. */
    @Nested
    class ShippedJobs {

        @Test
        void theShippedJobsDirectoryLoadsThreeWorkflowsAndTenAgents() {
            // when
            Definitions definitions = jobs.loader().load(Path.of("jobs"));

            // then
            assertThat(definitions.workflows()).containsOnlyKeys("feature-development", "repository-stats", "code-review");
            assertThat(definitions.agents()).containsOnlyKeys("backend-architect", "security-auditor", "test-engineer",
                    "api-designer", "database-specialist", "security-reviewer", "test-reviewer", "performance-reviewer",
                    "style-reviewer", "review-summarizer");
            assertThat(definitions.warnings()).singleElement().asString().contains("README.md", "no front matter");
            WorkflowDefinition features = definitions.workflow("feature-development").orElseThrow();
            assertThat(features.phases()).extracting(PhaseDefinition::name).containsExactly("analysis", "review");
            assertThat(features.phases().get(0).agents()).hasSize(5);
            assertThat(features.phases().get(1).requiredSuccesses()).isEqualTo(1);
            WorkflowDefinition stats = definitions.workflow("repository-stats").orElseThrow();
            assertThat(stats.parameters()).singleElement()
                    .satisfies(p -> assertThat(p.type()).isEqualTo(Type.PATH))
                    .satisfies(p -> assertThat(p.defaultValue()).isEqualTo("."));
            assertThat(stats.phases()).extracting(p -> p.agents().size()).containsExactly(5, 3, 1);
            WorkflowDefinition review = definitions.workflow("code-review").orElseThrow();
            assertThat(review.parameters()).extracting(p -> p.name() + "=" + p.defaultValue()).containsExactly("repository=.", "base=HEAD~1");
            assertThat(review.phases()).extracting(p -> p.agents().size()).containsExactly(2, 4, 1);
            assertThat(definitions.agents().get("security-reviewer").effectiveKind()).isEqualTo("claude");
        }
    }

    /** Agent, workflow, phase and in-phase agent names must be unique; the problem names the first holder. */
    @Nested
    class DuplicateNames {

        @Test
        void twoAgentFilesWithTheSameNameFail() {
            // given
            Path first = jobs.agent("a/helper.md", """
                    ---
                    name: helper
                    kind: simulated
                    ---
                    """);
            Path second = jobs.agent("b/other.md", """
                    ---
                    description: same name as a/helper.md
                    name: helper
                    kind: simulated
                    ---
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, second, 3, "name", "duplicate agent name 'helper'", first.toString());
        }

        @Test
        void twoAgentFilesNamedAfterTheSameFileNameFailAtTheirFrontMatter() {
            // given
            Path first = jobs.agent("a/helper.md", """
                    ---
                    kind: simulated
                    ---
                    """);
            Path second = jobs.agent("b/helper.md", """
                    ---
                    kind: simulated
                    ---
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, second, 1, "name", "duplicate agent name 'helper'", first.toString());
        }

        @Test
        void anInlineAgentMayNotTakeALibraryAgentsName() {
            // given
            Path library = jobs.simulatedAgent("helper");
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents:
                          - {name: helper, kind: simulated}
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 5, "phases[0].agents[0].name", "duplicate name", "'helper'", library.toString());
        }

        @Test
        void twoWorkflowsWithTheSameNameFail() {
            // given
            Path first = jobs.workflow("a.yml", minimalWorkflow("same"));
            Path second = jobs.workflow("b.yml", minimalWorkflow("same"));

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then (the loader compares names after reading, so it names no line)
            assertProblem(problem, second, null, "name", "duplicate workflow name 'same'", first.toString());
        }

        @Test
        void theSameAgentTwiceInOnePhaseFails() {
            // given
            jobs.simulatedAgent("helper");
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents:
                          - helper
                          - helper
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 6, "phases[0].agents[1]", "duplicate agent 'helper'");
        }

        @Test
        void twoPhasesWithTheSameNameFail() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: twice
                        agents: [{name: a1, kind: simulated}]
                      - name: twice
                        agents: [{name: a2, kind: simulated}]
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 5, "phases[1].name", "duplicate phase name 'twice'");
        }
    }

    /** All or nothing: every problem of every file comes in one exception, and nothing is half-loaded. */
    @Nested
    class AllOrNothing {

        @Test
        void problemsInSeveralFilesAreAllReportedInOneException() {
            // given
            Path lazy = jobs.agent("lazy.md", """
                    ---
                    name: lazy
                    kind: simulated
                    latency: abc
                    ---
                    """);
            Path unknownAgent = jobs.workflow("a.yml", """
                    name: a
                    phases:
                      - name: p
                        agents: [nobody]
                    """);
            Path malformed = jobs.workflow("b.yml", """
                    name: b
                    phases: [
                    """);
            jobs.workflow("c.yml", minimalWorkflow("fine"));

            // when
            InvalidDefinitionsException e = jobs.loadFails();

            // then
            assertThat(e.problems()).extracting(DefinitionProblem::file).containsExactly(lazy, unknownAgent, malformed);
            assertThat(e).hasMessageStartingWith("3 problems in definitions")
                    .hasMessageContaining(lazy + ":4: latency: 'abc'")
                    .hasMessageContaining(unknownAgent + ":4: phases[0].agents[0]: unknown agent 'nobody'")
                    .hasMessageContaining(malformed.toString());
        }
    }
}
