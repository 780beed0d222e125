package org.perfect21.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.CachePolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.workflow.JobsDirectory.assertProblem;
import static org.perfect21.workflow.JobsDirectory.workflowWithAgent;

/**
 * Agent files under {@code agents/}: Markdown with Claude Code's YAML front matter, the settings of each
 * kind, and result caching. Problems name the file, the line in it and the front-matter key.
 */
class AgentFileTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void emptyJobsDirectory() {
        jobs = new JobsDirectory(dir);
    }

    /** What the front matter says, read as Claude Code reads it; files without front matter are skipped. */
    @Nested
    class FrontMatter {

        @Test
        void toolsWrittenAsACommaSeparatedStringAreSplitAsClaudeCodeDoes() {
            // given
            jobs.agent("reader.md", """
                    ---
                    description: reads
                    kind: simulated
                    tools: Read, Grep,Glob
                    ---
                    Read things.
                    """);

            // when
            AgentDefinition reader = jobs.loadAgent("reader");

            // then
            assertThat(reader.tools()).containsExactly("Read", "Grep", "Glob");
        }

        @Test
        void toolsWrittenAsAListAreKeptInOrder() {
            // given
            jobs.agent("reader.md", """
                    ---
                    description: reads
                    kind: simulated
                    tools: [Write, Read]
                    ---
                    """);

            // when
            AgentDefinition reader = jobs.loadAgent("reader");

            // then
            assertThat(reader.tools()).containsExactly("Write", "Read");
        }

        @ParameterizedTest(name = "{0}, {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "kind: simulated | tools: 5 | '5'",
                "kind: command   | tools: [Read, 5] | a list holding '5'",
                "description: no kind, so claude | tools: {Read: true} | a mapping"})
        void toolsThatAreNotNamesAreRefusedWhateverTheKind(String kindLine, String toolsLine, String found) {
            // given
            Path file = jobs.agent("reader.md", """
                    ---
                    name: reader
                    %s
                    %s
                    command: [cat]
                    ---
                    """.formatted(kindLine, toolsLine));

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 4, "tools", "must be names", "[Read, Grep]", "not " + found);
        }

        @Test
        void keysPerfect21DoesNotKnowAreKeptInTheSettings() {
            // given
            jobs.agent("planner.md", """
                    ---
                    name: planner
                    description: plans
                    kind: simulated
                    model: opus
                    permissionMode: plan
                    mcpServers: [github, jira]
                    ---
                    Plan.
                    """);

            // when
            AgentDefinition planner = jobs.loadAgent("planner");

            // then
            assertThat(planner.model()).isEqualTo("opus");
            assertThat(planner.settings().values())
                    .containsEntry("permissionMode", "plan")
                    .containsEntry("mcpServers", List.of("github", "jira"));
            assertThat(planner.settings().lineOf("permissionMode")).isEqualTo(6);
        }

        @Test
        void anAgentWithoutANameIsNamedAfterItsFile() {
            // given
            Path file = jobs.agent("team/code-reviewer.md", """
                    ---
                    description: reviews
                    kind: simulated
                    ---
                    Review {{params.feature}}.
                    """);

            // when
            Definitions definitions = jobs.load();

            // then
            assertThat(definitions.agents()).containsOnlyKeys("code-reviewer");
            AgentDefinition reviewer = definitions.agents().get("code-reviewer");
            assertThat(reviewer.source()).isEqualTo(file);
            assertThat(reviewer.body()).isEqualTo("Review {{params.feature}}.");
        }

        @Test
        void aClaudeCodeFileWithoutKindLoadsAsAClaudeAgent() {
            // given
            jobs.agent("claude-helper.md", """
                    ---
                    name: claude-helper
                    description: a plain Claude Code subagent
                    tools: Read
                    ---
                    Help.
                    """);

            // when
            AgentDefinition helper = jobs.loadAgent("claude-helper");

            // then
            assertThat(helper.kind()).isNull();
            assertThat(helper.effectiveKind()).isEqualTo("claude");
        }

        @Test
        void aMarkdownFileWithoutFrontMatterIsSkippedWithAWarning() {
            // given
            jobs.agent("notes.md", """
                    # Notes
                    Not an agent.
                    """);

            // when
            Definitions definitions = jobs.load();

            // then
            assertThat(definitions.agents()).isEmpty();
            assertThat(definitions.warnings()).singleElement().asString().contains("notes.md", "no front matter", "skipped");
        }
    }

    /** Front matter that cannot be read is reported at its line in the Markdown file. */
    @Nested
    class BrokenFrontMatter {

        @Test
        void frontMatterThatIsNotYamlIsReportedAtItsLineInTheFile() {
            // given
            Path file = jobs.agent("broken.md", """
                    ---
                    name: broken
                    description: first
                      kind: simulated
                    ---
                    Body.
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 4, "front matter", "malformed YAML");
        }

        @Test
        void frontMatterThatIsNeverClosedIsReported() {
            // given
            Path file = jobs.agent("open.md", """
                    ---
                    name: open
                    kind: simulated
                    Body without a closing fence.
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 1, null, "never closed", "---");
        }
    }

    /** The kind an agent names, and the settings each kind checks (timeouts, simulated latency). */
    @Nested
    class KindSettings {

        @Test
        void anUnknownKindFails() {
            // given
            Path file = jobs.agent("caller.md", """
                    ---
                    name: caller
                    kind: http
                    ---
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 3, "kind", "unknown kind 'http'", "command, git, simulated");
        }

        @Test
        void anAgentTimeoutThatIsNotADurationFails() {
            // given
            Path file = jobs.agent("slow.md", """
                    ---
                    name: slow
                    kind: simulated
                    timeout: forever
                    ---
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 4, "timeout", "'forever' is not a duration");
        }

        @Test
        void aSimulatedLatencyThatIsNotADurationFails() {
            // given
            Path file = jobs.agent("lazy.md", """
                    ---
                    name: lazy
                    kind: simulated
                    latency: abc
                    ---
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 4, "latency", "'abc' is not a duration");
        }

        @Test
        void aLatencyRangeThatEndsBeforeItStartsFails() {
            // given
            Path file = jobs.agent("lazy.md", """
                    ---
                    name: lazy
                    kind: simulated
                    latency: 300ms..100ms
                    ---
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, file, 4, "latency", "'300ms..100ms'", "ends before it starts");
        }
    }

    /** {@code cache} and {@code ttl}, and the fingerprint that keys an agent's cached results. */
    @Nested
    class ResultCaching {

        @Test
        void anAgentMarkedCacheableCarriesItsTimeToLive() {
            // given
            jobs.agent("cached.md", """
                    ---
                    name: cached
                    kind: simulated
                    cache: true
                    ttl: 2h
                    ---
                    Answer {{params.q}}.
                    """);
            jobs.simulatedAgent("plain");

            // when
            Definitions definitions = jobs.load();

            // then
            assertThat(definitions.agents().get("cached").cache()).isEqualTo(new CachePolicy(true, Duration.ofHours(2)));
            assertThat(definitions.agents().get("plain").cache()).isEqualTo(CachePolicy.NONE);
        }

        @Test
        void aTimeToLiveWithoutCachingOrABadCacheValueIsAnError() {
            // given
            Path file = jobs.agent("odd.md", """
                    ---
                    name: odd
                    kind: simulated
                    ttl: 5m
                    ---
                    """);
            jobs.agent("worse.md", """
                    ---
                    name: worse
                    kind: simulated
                    cache: sometimes
                    ---
                    """);

            // when
            InvalidDefinitionsException e = jobs.loadFails();

            // then
            assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactlyInAnyOrder("ttl", "cache");
            assertThat(e.problems()).filteredOn(p -> p.field().equals("ttl")).singleElement()
                    .satisfies(p -> assertProblem(p, file, 4, "ttl", "add 'cache: true'"));
            assertThat(e.getMessage()).contains("'sometimes' is not true or false");
        }

        @Test
        void agentsWithTheSameKindSettingsAndBodyShareAFingerprintWhateverTheirDescription() {
            // given
            jobs.workflow("one.yml", workflowWithAgent("one",
                    "{name: t, kind: simulated, latency: 5ms, description: first, cache: true, ttl: 1h}"));
            jobs.workflow("two.yml", workflowWithAgent("two", "{name: t, kind: simulated, latency: 5ms, description: second}"));
            jobs.workflow("three.yml", workflowWithAgent("three", "{name: t, kind: simulated, latency: 6ms}"));

            // when
            Definitions definitions = jobs.load();

            // then
            String one = fingerprintOfTheAgentIn(definitions, "one");
            assertThat(one).hasSize(64);
            assertThat(fingerprintOfTheAgentIn(definitions, "two")).isEqualTo(one);
            assertThat(fingerprintOfTheAgentIn(definitions, "three")).isNotEqualTo(one);
        }

        private static String fingerprintOfTheAgentIn(Definitions definitions, String workflow) {
            return definitions.workflow(workflow).orElseThrow().phases().get(0).agents().get(0).fingerprint();
        }
    }
}
