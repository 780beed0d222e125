package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.workflow.JobsDirectory.assertProblem;

/**
 * Every name an instruction template reads is checked against what its scope will hold in that phase of that
 * workflow: declared parameters, earlier phases and their agents, the keys of run, phase, context and git. A name
 * nothing will hold is a definition error at its file, line and column, not an empty string in a prompt.
 */
class TemplateReferenceTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void jobsDirectory() {
        jobs = new JobsDirectory(dir);
        jobs.simulatedAgent("planner");
        jobs.simulatedAgent("critic");
    }

    @Test
    void everyNameTheScopeHoldsIsAccepted() {
        jobs.workflow("wf.yml", """
                name: wf
                parameters:
                  feature: {default: payments}
                phases:
                  - name: plan
                    agents: [planner, critic]
                  - name: build
                    instruction: |
                      {{params.feature}} {{run.id}} {{workflow.name}} {{phase.name}} {{phase.index}} {{agent.name}}
                      {{context.phases.plan.planner}} {{context.text}} {{context.tokens}} {{context.budgetBytes}}
                      {{#context.entries}}{{phase}}/{{agent}}: {{content}} ({{params.feature}}){{/context.entries}}
                      {{git.branch}} {{#git.commits}}{{shortId}} {{subject}}{{/git.commits}} {{git.base.ref}}
                      {{#git.diffstat.files}}{{path}} +{{added}}{{/git.diffstat.files}} {{^git.clean}}dirty{{/git.clean}}
                    agents:
                      - {name: builder, kind: simulated}
                """);

        assertThat(jobs.loadWorkflow("wf").phases()).hasSize(2);
    }

    @Test
    void anUndeclaredParameterIsReportedAtItsLineAndColumn() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                parameters:
                  feature: {default: payments}
                phases:
                  - name: plan
                    instruction: |
                      Plan the feature.
                      Work on {{params.featur}} now.
                    agents: [planner]
                """);

        DefinitionProblem problem = jobs.onlyProblem();

        assertProblem(problem, wf, 8, "phases[0].instruction", "{{params.featur}} (column 9)",
                "workflow 'wf' declares no parameter 'featur' (declared: feature)");
    }

    @Test
    void aLibraryAgentsInstructionIsCheckedInEachWorkflowThatUsesIt() {
        Path agent = jobs.agent("asker.md", """
                ---
                name: asker
                description: asks
                kind: simulated
                instruction: "Ask about {{params.topic}}."
                ---
                Body {{not.checked}}: a verbatim body is text, not a template.
                """);
        jobs.workflow("with-topic.yml", """
                name: with-topic
                parameters:
                  topic: {default: tests}
                phases:
                  - {name: ask, agents: [asker]}
                """);
        jobs.workflow("without.yml", "name: without\nphases:\n  - {name: ask, agents: [asker]}\n");

        DefinitionProblem problem = jobs.onlyProblem();

        assertProblem(problem, agent, 5, "instruction", "{{params.topic}} (column 11)",
                "workflow 'without' declares no parameter 'topic' (it declares none)");
    }

    @Test
    void theContextHoldsOnlyEarlierPhasesAndTheirAgents() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: plan
                    agents: [planner]
                  - name: build
                    instruction: "{{context.phases.plan.critic}} {{context.phases.build.x}} {{context.phases.ship.x}}"
                    agents: [critic]
                  - name: ship
                    agents: [{name: shipper, kind: simulated}]
                """);

        List<DefinitionProblem> problems = jobs.loadFails().problems();

        assertThat(problems).extracting(DefinitionProblem::message).containsExactly(
                "{{context.phases.plan.critic}} (column 1): phase 'plan' has no agent 'critic' (its agents: planner)",
                "{{context.phases.build.x}} (column 32): 'build' is this phase: its outputs reach the context after it",
                "{{context.phases.ship.x}} (column 59): no earlier phase 'ship' in workflow 'wf' (earlier: plan)");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isEqualTo(6));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
    }

    @Test
    void unknownNamesAndKeysSayWhatTheScopeHas() {
        jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: plan
                    instruction: "{{param.x}} {{run.number}} {{git.branches}} {{#context.entries}}{{agnt}}{{/context.entries}}"
                    agents: [planner]
                """);

        List<DefinitionProblem> problems = jobs.loadFails().problems();

        assertThat(problems).extracting(DefinitionProblem::message).containsExactly(
                "{{param.x}} (column 1): unknown name 'param' (an instruction may read agent, context, gate, git, params, phase, run,"
                        + " workflow)",
                "{{run.number}} (column 13): 'run' has no 'number' (it has id)",
                "{{git.branches}} (column 28): 'git' has no 'branches' (it has base, branch, clean, commits, detached, diffstat,"
                        + " empty, head, repository, shortHead, status)",
                "{{agnt}} (column 65): unknown name 'agnt' (an instruction may read agent, context, gate, git, params, phase, run,"
                        + " workflow, and the fields of context.entries: agent, bytes, content, cut, kind, phase, tokens)");
    }

    @Test
    void aTemplateBodyIsCheckedAsWell() {
        Path agent = jobs.agent("templated.md", """
                ---
                name: templated
                description: renders its body
                kind: simulated
                template: true
                ---
                You work on {{params.project}}.
                """);
        jobs.workflow("wf.yml", "name: wf\nphases:\n  - {name: p, agents: [templated]}\n");

        DefinitionProblem problem = jobs.onlyProblem();

        assertProblem(problem, agent, 7, "body", "{{params.project}} (column 13)", "declares no parameter 'project'");
    }
}
