package org.perfect21.workflow;

import org.perfect21.testing.Defaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.config.Perfect21Properties;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKinds;
import org.perfect21.agent.CachePolicy;
import org.perfect21.agent.InstructionTemplates;
import org.perfect21.agent.command.CommandAgentKind;
import org.perfect21.agent.git.GitAgentKind;
import org.perfect21.git.GitProperties;
import org.perfect21.git.GitSnapshots;
import org.perfect21.agent.simulated.SimulatedAgentKind;
import org.perfect21.workflow.ParameterDefinition.Type;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Loading agents and workflows from a jobs directory, and every problem the loader reports. Each
 * test writes the few files it needs into a temporary jobs directory.
 */
class DefinitionLoaderTests {

    @TempDir
    Path jobs;

    private final InstructionTemplates templates = Defaults.templates();

    // --- loading -------------------------------------------------------------------------------

    @Test
    void theShippedJobsDirectoryLoadsBothWorkflowsAndFiveAgents() {
        // when
        Definitions definitions = loader().load(Path.of("jobs"));

        // then
        assertThat(definitions.workflows()).containsOnlyKeys("feature-development", "repository-stats");
        assertThat(definitions.agents()).containsOnlyKeys("backend-architect", "security-auditor", "test-engineer",
                "api-designer", "database-specialist");
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
    }

    @Test
    void toolsWrittenAsACommaSeparatedStringAreSplitAsClaudeCodeDoes() {
        // given
        agent("reader.md", """
                ---
                description: reads
                kind: simulated
                tools: Read, Grep,Glob
                ---
                Read things.
                """);

        // when
        AgentDefinition reader = loader().load(jobs).agents().get("reader");

        // then
        assertThat(reader.tools()).containsExactly("Read", "Grep", "Glob");
    }

    @Test
    void toolsWrittenAsAListAreKeptInOrder() {
        // given
        agent("reader.md", """
                ---
                description: reads
                kind: simulated
                tools: [Write, Read]
                ---
                """);

        // when
        AgentDefinition reader = loader().load(jobs).agents().get("reader");

        // then
        assertThat(reader.tools()).containsExactly("Write", "Read");
    }

    @Test
    void keysPerfect21DoesNotKnowAreKeptInTheSettings() {
        // given
        agent("planner.md", """
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
        AgentDefinition planner = loader().load(jobs).agents().get("planner");

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
        Path file = agent("team/code-reviewer.md", """
                ---
                description: reviews
                kind: simulated
                ---
                Review {{params.feature}}.
                """);

        // when
        Definitions definitions = loader().load(jobs);

        // then
        assertThat(definitions.agents()).containsOnlyKeys("code-reviewer");
        AgentDefinition reviewer = definitions.agents().get("code-reviewer");
        assertThat(reviewer.source()).isEqualTo(file);
        assertThat(reviewer.body()).isEqualTo("Review {{params.feature}}.");
    }

    @Test
    void aClaudeCodeFileWithoutKindLoadsAsAClaudeAgent() {
        // given
        agent("claude-helper.md", """
                ---
                name: claude-helper
                description: a plain Claude Code subagent
                tools: Read
                ---
                Help.
                """);

        // when
        Definitions definitions = loader().load(jobs);

        // then
        AgentDefinition helper = definitions.agents().get("claude-helper");
        assertThat(helper.kind()).isNull();
        assertThat(helper.effectiveKind()).isEqualTo("claude");
    }

    @Test
    void aWorkflowUsingAnAgentWithoutKindFailsBecauseTheClaudeKindCannotRunYet() {
        // given
        agent("claude-helper.md", """
                ---
                description: a plain Claude Code subagent
                ---
                Help.
                """);
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      - claude-helper
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 5, "phases[0].agents[0]", "claude-helper", "kind 'claude'", "cannot run");
    }

    @Test
    void aMarkdownFileWithoutFrontMatterIsSkippedWithAWarning() {
        // given
        agent("notes.md", """
                # Notes
                Not an agent.
                """);

        // when
        Definitions definitions = loader().load(jobs);

        // then
        assertThat(definitions.agents()).isEmpty();
        assertThat(definitions.warnings()).singleElement().asString().contains("notes.md", "no front matter", "skipped");
    }

    @Test
    void inlineAgentsAreDefinedInsideTheWorkflow() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      - {name: a1, kind: simulated, latency: 200ms}
                      - {name: a2, kind: command, command: [echo, hi], instruction: say hi}
                """);

        // when
        Definitions definitions = loader().load(jobs);

        // then
        assertThat(definitions.agents()).as("inline agents are not library agents").isEmpty();
        List<PreparedAgent> agents = definitions.workflow("wf").orElseThrow().phases().get(0).agents();
        assertThat(agents).extracting(PreparedAgent::name).containsExactly("a1", "a2");
        AgentDefinition a1 = agents.get(0).definition();
        assertThat(a1.kind()).isEqualTo("simulated");
        assertThat(a1.source()).isEqualTo(wf);
        assertThat(a1.line()).isEqualTo(5);
        assertThat(a1.settings().values()).containsEntry("latency", "200ms");
        assertThat(agents.get(1).definition().body()).isEqualTo("say hi");
    }

    @Test
    void parametersAreTypedWithRequiredFlagsAndDefaults() {
        // given
        workflow("wf.yml", """
                name: wf
                parameters:
                  feature: {type: string, required: true, description: what to build}
                  count: {type: integer, default: 3}
                  enabled: {type: boolean, default: false}
                  timeout: {type: duration, default: 2m}
                  where: path
                  label:
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        WorkflowDefinition wf = loader().load(jobs).workflow("wf").orElseThrow();

        // then
        assertThat(wf.parameters()).containsExactly(
                new ParameterDefinition("feature", Type.STRING, true, null, "what to build"),
                new ParameterDefinition("count", Type.INTEGER, false, 3L, null),
                new ParameterDefinition("enabled", Type.BOOLEAN, false, false, null),
                new ParameterDefinition("timeout", Type.DURATION, false, "2m", null),
                new ParameterDefinition("where", Type.PATH, false, null, null),
                new ParameterDefinition("label", Type.STRING, false, null, null));
    }

    @Test
    void minSuccessIsACountOrAPercentageAndDefaultsToAll() {
        // given
        workflow("wf.yml", """
                name: wf
                phases:
                  - name: counted
                    minSuccess: 2
                    agents: &three
                      - {name: a1, kind: simulated}
                      - {name: a2, kind: simulated}
                      - {name: a3, kind: simulated}
                  - name: percent
                    minSuccess: 50%
                    agents: *three
                  - name: everyone
                    agents: *three
                """);

        // when
        List<PhaseDefinition> phases = loader().load(jobs).workflow("wf").orElseThrow().phases();

        // then
        assertThat(phases).extracting(PhaseDefinition::minSuccess)
                .containsExactly(new MinSuccess(2, null), new MinSuccess(null, 50), MinSuccess.ALL);
        assertThat(phases).extracting(PhaseDefinition::requiredSuccesses).containsExactly(2, 2, 3);
    }

    @Test
    void parallelismDefaultsToTheNumberOfAgentsInThePhase() {
        // given
        workflow("wf.yml", """
                name: wf
                phases:
                  - name: wide
                    timeout: 30s
                    agents:
                      - {name: a1, kind: simulated}
                      - {name: a2, kind: simulated}
                      - {name: a3, kind: simulated}
                  - name: narrow
                    parallelism: 1
                    agents:
                      - {name: b1, kind: simulated}
                      - {name: b2, kind: simulated}
                """);

        // when
        List<PhaseDefinition> phases = loader().load(jobs).workflow("wf").orElseThrow().phases();

        // then
        assertThat(phases).extracting(PhaseDefinition::parallelism).containsExactly(3, 1);
        assertThat(phases).extracting(PhaseDefinition::timeout).containsExactly(Duration.ofSeconds(30), null);
    }

    // --- syntax problems -----------------------------------------------------------------------

    @Test
    void malformedYamlInAWorkflowIsReportedAtItsLine() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                description: first
                  phases: oops
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 3, null, "malformed YAML");
    }

    @Test
    void frontMatterThatIsNotYamlIsReportedAtItsLineInTheFile() {
        // given
        Path file = agent("broken.md", """
                ---
                name: broken
                description: first
                  kind: simulated
                ---
                Body.
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, file, 4, "front matter", "malformed YAML");
    }

    @Test
    void frontMatterThatIsNeverClosedIsReported() {
        // given
        Path file = agent("open.md", """
                ---
                name: open
                kind: simulated
                Body without a closing fence.
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, file, 1, null, "never closed", "---");
    }

    // --- names -----------------------------------------------------------------------------------

    @Test
    void aWorkflowNamingAnUnknownAgentFails() {
        // given
        simulatedAgent("known");
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents: [known, unknown-one]
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 4, "phases[0].agents[1]", "unknown agent 'unknown-one'");
    }

    @Test
    void twoAgentFilesWithTheSameNameFail() {
        // given
        Path first = agent("a/helper.md", """
                ---
                name: helper
                kind: simulated
                ---
                """);
        Path second = agent("b/other.md", """
                ---
                description: same name as a/helper.md
                name: helper
                kind: simulated
                ---
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, second, 3, "name", "duplicate agent name 'helper'", first.toString());
    }

    @Test
    void twoAgentFilesNamedAfterTheSameFileNameFailAtTheirFrontMatter() {
        // given
        Path first = agent("a/helper.md", """
                ---
                kind: simulated
                ---
                """);
        Path second = agent("b/helper.md", """
                ---
                kind: simulated
                ---
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, second, 1, "name", "duplicate agent name 'helper'", first.toString());
    }

    @Test
    void theSameAgentTwiceInOnePhaseFails() {
        // given
        simulatedAgent("helper");
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      - helper
                      - helper
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 6, "phases[0].agents[1]", "duplicate agent 'helper'");
    }

    @Test
    void anInlineAgentMayNotTakeALibraryAgentsName() {
        // given
        Path library = simulatedAgent("helper");
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      - {name: helper, kind: simulated}
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 5, "phases[0].agents[0].name", "duplicate name", "'helper'", library.toString());
    }

    @Test
    void twoWorkflowsWithTheSameNameFail() {
        // given
        Path first = workflow("a.yml", minimalWorkflow("same"));
        Path second = workflow("b.yml", minimalWorkflow("same"));

        // when
        DefinitionProblem problem = onlyProblem();

        // then (the loader compares names after reading, so it names no line)
        assertProblem(problem, second, null, "name", "duplicate workflow name 'same'", first.toString());
    }

    @Test
    void twoPhasesWithTheSameNameFail() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: twice
                    agents: [{name: a1, kind: simulated}]
                  - name: twice
                    agents: [{name: a2, kind: simulated}]
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 5, "phases[1].name", "duplicate phase name 'twice'");
    }

    // --- structure -------------------------------------------------------------------------------

    @Test
    void anEmptyListOfPhasesFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases: []
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 2, "phases", "non-empty list");
    }

    @Test
    void aPhaseWithAnEmptyListOfAgentsFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents: []
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 4, "phases[0].agents", "at least one agent");
    }

    @Test
    void anUnknownKeyInAWorkflowFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                retries: 3
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 5, "retries", "unknown key", "name, parameters, phases, schedule");
    }

    @Test
    void anUnknownKeyInAPhaseFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    retry: 3
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 4, "phases[0].retry", "unknown key", "minSuccess", "parallelism");
    }

    @Test
    void anUnknownParameterTypeFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                parameters:
                  when:
                    type: date
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 4, "parameters.when.type", "unknown type 'date'", "integer", "duration");
    }

    @Test
    void anUnknownKindFails() {
        // given
        Path file = agent("caller.md", """
                ---
                name: caller
                kind: http
                ---
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, file, 3, "kind", "unknown kind 'http'", "command, git, simulated");
    }

    @Test
    void aCommandGivenAsOneStringInsteadOfAListFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      - name: lister
                        kind: command
                        command: ls -la
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 7, "phases[0].agents[0].command", "must be a list", "never go through a shell");
    }

    // --- durations and counts --------------------------------------------------------------------

    @Test
    void aPhaseTimeoutThatIsNotADurationFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    timeout: soon
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 4, "phases[0].timeout", "'soon' is not a positive duration");
    }

    @Test
    void anAgentTimeoutThatIsNotADurationFails() {
        // given
        Path file = agent("slow.md", """
                ---
                name: slow
                kind: simulated
                timeout: forever
                ---
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, file, 4, "timeout", "'forever' is not a duration");
    }

    @Test
    void anInlineAgentTimeoutThatIsNotADurationFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      - name: a1
                        kind: simulated
                        timeout: forever
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 7, "phases[0].agents[0].timeout", "'forever' is not a duration");
    }

    @Test
    void aSimulatedLatencyThatIsNotADurationFails() {
        // given
        Path file = agent("lazy.md", """
                ---
                name: lazy
                kind: simulated
                latency: abc
                ---
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, file, 4, "latency", "'abc' is not a duration");
    }

    @Test
    void aLatencyRangeThatEndsBeforeItStartsFails() {
        // given
        Path file = agent("lazy.md", """
                ---
                name: lazy
                kind: simulated
                latency: 300ms..100ms
                ---
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, file, 4, "latency", "'300ms..100ms'", "ends before it starts");
    }

    @ParameterizedTest(name = "minSuccess {0} fails")
    @ValueSource(strings = {"150%", "abc%"})
    void aMinSuccessThatIsNotAPercentageFails(String percentage) {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                    minSuccess: %s
                """.formatted(percentage));

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 5, "phases[0].minSuccess", "'" + percentage + "'", "percentage 0..100");
    }

    @Test
    void aMinSuccessCountAboveTheNumberOfAgentsFails() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    minSuccess: 3
                    agents:
                      - {name: a1, kind: simulated}
                      - {name: a2, kind: simulated}
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 4, "phases[0].minSuccess", "3 is more than the phase's 2 agents");
    }

    // --- all or nothing --------------------------------------------------------------------------

    @Test
    void problemsInSeveralFilesAreAllReportedInOneException() {
        // given
        Path lazy = agent("lazy.md", """
                ---
                name: lazy
                kind: simulated
                latency: abc
                ---
                """);
        Path unknownAgent = workflow("a.yml", """
                name: a
                phases:
                  - name: p
                    agents: [nobody]
                """);
        Path malformed = workflow("b.yml", """
                name: b
                phases: [
                """);
        workflow("c.yml", minimalWorkflow("fine"));

        // when
        InvalidDefinitionsException e = loadFails();

        // then
        assertThat(e.problems()).extracting(DefinitionProblem::file).containsExactly(lazy, unknownAgent, malformed);
        assertThat(e).hasMessageStartingWith("3 problems in definitions")
                .hasMessageContaining(lazy + ":4: latency: 'abc'")
                .hasMessageContaining(unknownAgent + ":4: phases[0].agents[0]: unknown agent 'nobody'")
                .hasMessageContaining(malformed.toString());
    }

    // --- schedules -------------------------------------------------------------------------------

    @Test
    void aScheduleIsReadWithItsZoneParametersAndMisfirePolicy() {
        // given
        workflow("nightly.yml", """
                name: nightly
                parameters:
                  depth: {type: integer, default: 1}
                schedule: {cron: "0 30 2 * * ?", zone: Europe/Paris, params: {depth: 3}, misfire: skip}
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        ScheduleDefinition schedule = loader().load(jobs).workflow("nightly").orElseThrow().schedule();

        // then
        assertThat(schedule.cron()).isEqualTo("0 30 2 * * ?");
        assertThat(schedule.zone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
        assertThat(schedule.params()).containsEntry("depth", 3L);
        assertThat(schedule.misfire()).isEqualTo(ScheduleDefinition.Misfire.SKIP);
    }

    @Test
    void aScheduleDefaultsToTheSystemZoneAndFiringOnceAfterMissedFires() {
        // given
        workflow("hourly.yml", minimalWorkflow("hourly") + "schedule: {cron: \"0 0 * * * ?\"}\n");

        // when
        ScheduleDefinition schedule = loader().load(jobs).workflow("hourly").orElseThrow().schedule();

        // then
        assertThat(schedule.zone()).isEqualTo(java.time.ZoneId.systemDefault());
        assertThat(schedule.misfire()).isEqualTo(ScheduleDefinition.Misfire.FIRE_ONCE);
        assertThat(schedule.params()).isEmpty();
    }

    @Test
    void aBadCronIsADefinitionErrorNamingTheFieldAndTheSyntax() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                schedule:
                  cron: "0 0 25 * * ?"
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 3, "schedule.cron", "'0 0 25 * * ?' is not a Quartz cron expression", "seconds minutes hours");
    }

    @Test
    void aFiveFieldUnixCronIsRefusedWithTheQuartzSyntaxExplained() {
        // given
        Path wf = workflow("wf.yml", minimalWorkflow("wf") + "schedule: {cron: \"0 3 * * *\"}\n");

        // when
        DefinitionProblem problem = onlyProblem();

        // then
        assertProblem(problem, wf, 5, "schedule.cron", "not a Quartz cron expression");
    }

    @Test
    void aBadZoneMisfireOrUnknownKeyIsEachReported() {
        // given
        workflow("wf.yml", minimalWorkflow("wf") + "schedule: {cron: \"0 0 3 * * ?\", zone: Mars/Olympus, misfire: twice, every: day}\n");

        // when
        InvalidDefinitionsException e = loadFails();

        // then
        assertThat(e.problems()).extracting(DefinitionProblem::field)
                .containsExactlyInAnyOrder("schedule.zone", "schedule.misfire", "schedule.every");
        assertThat(e.getMessage()).contains("'Mars/Olympus' is not a time zone", "'twice' is not fire-once or skip");
    }

    @Test
    void scheduleParametersAreCheckedAgainstTheWorkflowsParameters() {
        // given
        Path wf = workflow("wf.yml", """
                name: wf
                parameters:
                  depth: {type: integer, required: true}
                schedule:
                  cron: "0 0 3 * * ?"
                  params: {depth: deep, colour: red}
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """);

        // when
        InvalidDefinitionsException e = loadFails();

        // then
        assertThat(e.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(wf);
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.field()).isEqualTo("schedule.params");
        });
        assertThat(e.getMessage()).contains("depth", "colour");
    }

    // --- context budget and result cache ----------------------------------------------------------

    @Test
    void aWorkflowMaySetItsContextBudget() {
        workflow("budgeted.yml", minimalWorkflow("budgeted") + "context: {maxBytes: 64KB, maxTokens: 12000}\n");

        ContextLimits limits = loader().load(jobs).workflow("budgeted").orElseThrow().context();

        assertThat(limits).isEqualTo(new ContextLimits(65536L, 12000L));
        workflow("plain.yml", minimalWorkflow("plain"));
        assertThat(loader().load(jobs).workflow("plain").orElseThrow().context()).isEqualTo(ContextLimits.DEFAULTS);
    }

    @Test
    void aBadContextBudgetIsReportedWithItsField() {
        Path wf = workflow("bad.yml", minimalWorkflow("bad") + "context:\n  maxBytes: lots\n  maxTokens: -3\n  window: 9\n");

        InvalidDefinitionsException e = loadFails();

        assertThat(e.problems()).extracting(DefinitionProblem::field)
                .containsExactlyInAnyOrder("context.maxBytes", "context.maxTokens", "context.window");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
        assertThat(e.getMessage()).contains("'lots' is not a size", "'-3' is not a whole number", "unknown key");
    }

    @Test
    void anAgentMarkedCacheableCarriesItsTimeToLive() {
        agent("cached.md", """
                ---
                name: cached
                kind: simulated
                cache: true
                ttl: 2h
                ---
                Answer {{params.q}}.
                """);
        simulatedAgent("plain");

        Definitions definitions = loader().load(jobs);

        assertThat(definitions.agents().get("cached").cache()).isEqualTo(new CachePolicy(true, java.time.Duration.ofHours(2)));
        assertThat(definitions.agents().get("plain").cache()).isEqualTo(CachePolicy.NONE);
    }

    @Test
    void aTimeToLiveWithoutCachingOrABadCacheValueIsAnError() {
        Path file = agent("odd.md", """
                ---
                name: odd
                kind: simulated
                ttl: 5m
                ---
                """);
        agent("worse.md", """
                ---
                name: worse
                kind: simulated
                cache: sometimes
                ---
                """);

        InvalidDefinitionsException e = loadFails();

        assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactlyInAnyOrder("ttl", "cache");
        assertThat(e.problems()).filteredOn(p -> p.field().equals("ttl")).singleElement()
                .satisfies(p -> assertProblem(p, file, 4, "ttl", "add 'cache: true'"));
        assertThat(e.getMessage()).contains("'sometimes' is not true or false");
    }

    @Test
    void agentsWithTheSameKindSettingsAndBodyShareAFingerprintWhateverTheirDescription() {
        workflow("one.yml", """
                name: one
                phases:
                  - name: p
                    agents: [{name: t, kind: simulated, latency: 5ms, description: first, cache: true, ttl: 1h}]
                """);
        workflow("two.yml", """
                name: two
                phases:
                  - name: p
                    agents: [{name: t, kind: simulated, latency: 5ms, description: second}]
                """);
        workflow("three.yml", """
                name: three
                phases:
                  - name: p
                    agents: [{name: t, kind: simulated, latency: 6ms}]
                """);

        Definitions definitions = loader().load(jobs);

        String one = definitions.workflow("one").orElseThrow().phases().get(0).agents().get(0).fingerprint();
        assertThat(one).hasSize(64);
        assertThat(definitions.workflow("two").orElseThrow().phases().get(0).agents().get(0).fingerprint()).isEqualTo(one);
        assertThat(definitions.workflow("three").orElseThrow().phases().get(0).agents().get(0).fingerprint()).isNotEqualTo(one);
    }

    // --- fixture ---------------------------------------------------------------------------------

    private DefinitionLoader loader() {
        // The git kind only loads here (no snapshot is taken), so its snapshots are never closed.
        AgentKinds kinds = new AgentKinds(List.of(new SimulatedAgentKind(), new CommandAgentKind(templates),
                new GitAgentKind(new GitSnapshots(Defaults.gitProperties()), Defaults.gitProperties(), templates,
                        JsonMapper.builder().build())));
        return new DefinitionLoader(new Perfect21Properties(jobs.resolve("data"), jobs), kinds, templates);
    }

    /** Loads the temporary jobs directory, which must fail; nothing is returned half-loaded. */
    private InvalidDefinitionsException loadFails() {
        InvalidDefinitionsException e = catchThrowableOfType(InvalidDefinitionsException.class, () -> loader().load(jobs));
        assertThat(e).as("loading %s should fail", jobs).isNotNull();
        return e;
    }

    private DefinitionProblem onlyProblem() {
        InvalidDefinitionsException e = loadFails();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().get(0);
    }

    private static void assertProblem(DefinitionProblem problem, Path file, Integer line, String field, String... message) {
        assertThat(problem.file()).as("file of %s", problem).isEqualTo(file);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
        assertThat(problem.field()).as("field of %s", problem).isEqualTo(field);
        assertThat(problem.message()).contains(message);
    }

    private Path simulatedAgent(String name) {
        return agent(name + ".md", """
                ---
                name: %s
                description: a test agent
                kind: simulated
                ---
                Do it.
                """.formatted(name));
    }

    private Path agent(String relativePath, String text) {
        return write(jobs.resolve("agents").resolve(relativePath), text);
    }

    private Path workflow(String fileName, String text) {
        return write(jobs.resolve("workflows").resolve(fileName), text);
    }

    private static String minimalWorkflow(String name) {
        return """
                name: %s
                phases:
                  - name: p
                    agents: [{name: a1, kind: simulated}]
                """.formatted(name);
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
