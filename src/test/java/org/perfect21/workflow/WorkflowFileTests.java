package org.perfect21.workflow;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.workflow.ParameterDefinition.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.workflow.JobsDirectory.assertProblem;
import static org.perfect21.workflow.JobsDirectory.minimalWorkflow;

/**
 * Workflow files under {@code workflows/}: their structure, the agents of each phase, the phases' gates
 * and limits, parameters, the context budget and usage limits. Problems name the file, the line and the field path
 * ({@code phases[0].agents[1]}). Schedules are in {@link WorkflowScheduleTests}.
 */
class WorkflowFileTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void emptyJobsDirectory() {
        jobs = new JobsDirectory(dir);
    }

    /** The YAML itself and its top-level and phase keys. */
    @Nested
    class Structure {

        @Test
        void malformedYamlInAWorkflowIsReportedAtItsLine() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    description: first
                      phases: oops
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 3, null, "malformed YAML");
        }

        @Test
        void anEmptyListOfPhasesFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases: []
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 2, "phases", "non-empty list");
        }

        @Test
        void aPhaseWithAnEmptyListOfAgentsFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents: []
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 4, "phases[0].agents", "at least one agent");
        }

        @Test
        void anUnknownKeyInAWorkflowFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents: [{name: a1, kind: simulated}]
                    retries: 3
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 5, "retries", "unknown key", "name, parameters, phases, schedule");
        }

        @Test
        void anUnknownKeyInAPhaseFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        retry: 3
                        agents: [{name: a1, kind: simulated}]
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 4, "phases[0].retry", "unknown key", "minSuccess", "parallelism");
        }
    }

    /** A phase's agents: library agents named by reference, or inline agents defined in the workflow. */
    @Nested
    class PhaseAgents {

        @Test
        void inlineAgentsAreDefinedInsideTheWorkflow() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents:
                          - {name: a1, kind: simulated, latency: 200ms}
                          - {name: a2, kind: command, command: [echo, hi], instruction: say hi}
                    """);

            // when
            Definitions definitions = jobs.load();

            // then
            assertThat(definitions.agents()).as("inline agents are not library agents").isEmpty();
            List<PreparedAgent> agents = definitions.workflow("wf").orElseThrow().phases().get(0).agents();
            assertThat(agents).extracting(PreparedAgent::name).containsExactly("a1", "a2");
            AgentDefinition a1 = agents.get(0).definition();
            assertThat(a1.kind()).isEqualTo("simulated");
            assertThat(a1.source()).isEqualTo(wf);
            assertThat(a1.line()).isEqualTo(5);
            assertThat(a1.settings().values()).containsEntry("latency", "200ms");
            assertThat(agents.get(1).instruction().render(Map.of())).as("an inline agent's instruction key").isEqualTo("say hi");
            assertThat(agents.get(1).systemPrompt().render(Map.of())).as("an inline agent has no body").isEmpty();
        }

        @Test
        void aWorkflowNamingAnUnknownAgentFails() {
            // given
            jobs.simulatedAgent("known");
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents: [known, unknown-one]
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 4, "phases[0].agents[1]", "unknown agent 'unknown-one'");
        }

        @Test
        void aWorkflowUsingAnAgentWithoutKindGetsItAsAClaudeAgent() {
            // given
            jobs.agent("claude-helper.md", """
                    ---
                    description: a plain Claude Code subagent
                    ---
                    Help.
                    """);
            jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents:
                          - claude-helper
                    """);

            // when
            WorkflowDefinition workflow = jobs.loadWorkflow("wf");

            // then
            PreparedAgent helper = workflow.phases().get(0).agents().get(0);
            assertThat(helper.definition().effectiveKind()).isEqualTo("claude");
            assertThat(helper.runner()).isNotNull();
        }

        @Test
        void aCommandGivenAsOneStringInsteadOfAListFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents:
                          - name: lister
                            kind: command
                            command: ls -la
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 7, "phases[0].agents[0].command", "must be a list", "never go through a shell");
        }

        @Test
        void anInlineAgentTimeoutThatIsNotADurationFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents:
                          - name: a1
                            kind: simulated
                            timeout: forever
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 7, "phases[0].agents[0].timeout", "'forever' is not a duration");
        }
    }

    /** A phase's gate ({@code minSuccess}), its parallelism and its timeout. */
    @Nested
    class PhaseGatesAndLimits {

        @Test
        void minSuccessIsACountOrAPercentageAndDefaultsToAll() {
            // given
            jobs.workflow("wf.yml", """
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
            List<PhaseDefinition> phases = jobs.loadWorkflow("wf").phases();

            // then
            assertThat(phases).extracting(PhaseDefinition::minSuccess)
                    .containsExactly(new MinSuccess(2, null), new MinSuccess(null, 50), MinSuccess.ALL);
            assertThat(phases).extracting(PhaseDefinition::requiredSuccesses).containsExactly(2, 2, 3);
        }

        @ParameterizedTest(name = "minSuccess {0} fails")
        @ValueSource(strings = {"150%", "abc%"})
        void aMinSuccessThatIsNotAPercentageFails(String percentage) {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        agents: [{name: a1, kind: simulated}]
                        minSuccess: %s
                    """.formatted(percentage));

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 5, "phases[0].minSuccess", "'" + percentage + "'", "percentage 0..100");
        }

        @Test
        void aMinSuccessCountAboveTheNumberOfAgentsFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        minSuccess: 3
                        agents:
                          - {name: a1, kind: simulated}
                          - {name: a2, kind: simulated}
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 4, "phases[0].minSuccess", "3 is more than the phase's 2 agents");
        }

        @Test
        void parallelismDefaultsToTheNumberOfAgentsInThePhase() {
            // given
            jobs.workflow("wf.yml", """
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
            List<PhaseDefinition> phases = jobs.loadWorkflow("wf").phases();

            // then
            assertThat(phases).extracting(PhaseDefinition::parallelism).containsExactly(3, 1);
            assertThat(phases).extracting(PhaseDefinition::timeout).containsExactly(Duration.ofSeconds(30), null);
        }

        @Test
        void aPhaseTimeoutThatIsNotADurationFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    phases:
                      - name: p
                        timeout: soon
                        agents: [{name: a1, kind: simulated}]
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 4, "phases[0].timeout", "'soon' is not a positive duration");
        }
    }

    /** The parameters a workflow declares: types, required flags and defaults. */
    @Nested
    class Parameters {

        @Test
        void parametersAreTypedWithRequiredFlagsAndDefaults() {
            // given
            jobs.workflow("wf.yml", """
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
            WorkflowDefinition wf = jobs.loadWorkflow("wf");

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
        void anUnknownParameterTypeFails() {
            // given
            Path wf = jobs.workflow("wf.yml", """
                    name: wf
                    parameters:
                      when:
                        type: date
                    phases:
                      - name: p
                        agents: [{name: a1, kind: simulated}]
                    """);

            // when
            DefinitionProblem problem = jobs.onlyProblem();

            // then
            assertProblem(problem, wf, 4, "parameters.when.type", "unknown type 'date'", "integer", "duration");
        }
    }

    /** The context budget ({@code context.maxBytes}, {@code context.maxTokens}) a workflow may set. */
    @Nested
    class ContextBudget {

        @Test
        void aWorkflowMaySetItsContextBudgetAndWithoutOneGetsTheDefaults() {
            // given
            jobs.workflow("budgeted.yml", minimalWorkflow("budgeted") + "context: {maxBytes: 64KB, maxTokens: 12000}\n");
            jobs.workflow("plain.yml", minimalWorkflow("plain"));

            // when
            Definitions definitions = jobs.load();

            // then
            assertThat(definitions.workflow("budgeted").orElseThrow().context()).isEqualTo(new ContextLimits(65536L, 12000L));
            assertThat(definitions.workflow("plain").orElseThrow().context()).isEqualTo(ContextLimits.DEFAULTS);
        }

        @Test
        void aBadContextBudgetIsReportedWithItsField() {
            // given
            Path wf = jobs.workflow("bad.yml", minimalWorkflow("bad") + "context:\n  maxBytes: lots\n  maxTokens: -3\n  window: 9\n");

            // when
            InvalidDefinitionsException e = jobs.loadFails();

            // then
            assertThat(e.problems()).extracting(DefinitionProblem::field)
                    .containsExactlyInAnyOrder("context.maxBytes", "context.maxTokens", "context.window");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
            assertThat(e.getMessage()).contains("'lots' is not a size", "'-3' is not a whole number", "unknown key");
        }
    }

    /** The usage limits ({@code limits.maxCostUsd}, {@code limits.maxTokens}) a workflow may set. */
    @Nested
    class Limits {

        @Test
        void aWorkflowMaySetUsageLimits() {
            // given
            jobs.workflow("capped.yml", minimalWorkflow("capped") + "limits: {maxCostUsd: 2.50, maxTokens: 500000}\n");
            jobs.workflow("free.yml", minimalWorkflow("free"));

            // when
            Definitions definitions = jobs.load();

            // then
            UsageLimits limits = definitions.workflow("capped").orElseThrow().limits();
            assertThat(limits.maxCostUsd()).isEqualByComparingTo(new BigDecimal("2.50"));
            assertThat(limits.maxTokens()).isEqualTo(500_000L);
            assertThat(definitions.workflow("free").orElseThrow().limits()).isEqualTo(UsageLimits.NONE);
        }

        @Test
        void badUsageLimitsAreReportedWithTheirField() {
            // given
            Path wf = jobs.workflow("bad.yml", minimalWorkflow("bad") + "limits:\n  maxCostUsd: lots\n  maxTokens: 0\n  maxRuns: 9\n");

            // when
            InvalidDefinitionsException e = jobs.loadFails();

            // then
            assertThat(e.problems()).extracting(DefinitionProblem::field)
                    .containsExactlyInAnyOrder("limits.maxCostUsd", "limits.maxTokens", "limits.maxRuns");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
            assertThat(e.getMessage()).contains("'lots' is not an amount of US dollars", "'0' is not a whole number of tokens",
                    "unknown key");
        }
    }
}
