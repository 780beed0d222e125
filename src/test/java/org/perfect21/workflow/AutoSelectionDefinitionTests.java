package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phase's {@code agents: {auto: ...}} as written: what it holds once read (the candidates prepared like listed agents),
 * and every mistake named at its line and field.
 */
class AutoSelectionDefinitionTests {

    @TempDir
    Path dir;

    JobsDirectory jobs;

    @BeforeEach
    void library() {
        jobs = new JobsDirectory(dir);
        for (String name : List.of("architect", "schema-designer", "tester", "auditor", "styler")) {
            agent(name, "engineering", "");
        }
        agent("editor", "docs", "");
        agent("proofreader", "docs", "");
        agent("writer", "writing", "instruction: Write about {{params.topic}}.\n");
    }

    @Test
    void anAutoPhaseKeepsWhatItSaysAndPreparesEveryCandidateWithThePhaseInstruction() {
        jobs.workflow("wf.yml", """
                name: wf
                parameters:
                  topic: {type: string, default: billing}
                phases:
                  - name: plan
                    instruction: Plan {{params.topic}}.
                    agents:
                      auto:
                        task: "{{params.topic}}"
                        from: {category: Engineering}
                        counts: {simple: 2, standard: 3, complex: 5}
                        always: [writer]
                        rules: {complex: [billing]}
                """);

        PhaseDefinition phase = jobs.loadWorkflow("wf").phases().get(0);

        assertThat(phase.isAuto()).isTrue();
        assertThat(phase.agents()).as("chosen when a run is planned").isEmpty();
        AutoSelection auto = phase.auto();
        assertThat(auto.taskText()).isEqualTo("{{params.topic}}");
        assertThat(auto.from()).isEqualTo(new AutoSelection.From("Engineering", List.of()));
        assertThat(auto.counts()).isEqualTo(new AutoSelection.Counts(2, 3, 5));
        assertThat(auto.always()).containsExactly("writer");
        assertThat(auto.rules()).isEqualTo(new AutoSelection.Rules(List.of("billing"), null));
        // The category's agents (case ignored) and the always agent, in library order (sorted by file).
        assertThat(auto.candidateNames()).containsExactly("architect", "auditor", "schema-designer", "styler", "tester", "writer");
        assertThat(auto.candidate("writer").instruction().render(java.util.Map.of("params", java.util.Map.of("topic", "tax"))))
                .isEqualTo("Write about tax.\n\nPlan tax.");
        assertThat(phase.parallelism()).as("the largest count at once").isEqualTo(5);
    }

    @Test
    void withoutFromThePoolIsTheWholeLibraryAndTheCountsAreFourSixEight() {
        jobs.workflow("wf.yml", """
                name: wf
                parameters:
                  topic: {type: string, default: billing}
                phases:
                  - name: p
                    agents: {auto: {task: write the docs}}
                  - name: later
                    instruction: "{{context.phases.p.editor}}"
                    agents: [editor]
                """);

        WorkflowDefinition workflow = jobs.loadWorkflow("wf");

        AutoSelection auto = workflow.phases().get(0).auto();
        assertThat(auto.from().isLibrary()).isTrue();
        assertThat(auto.counts()).isEqualTo(AutoSelection.Counts.DEFAULTS);
        assertThat(auto.rules()).isEqualTo(AutoSelection.Rules.NONE);
        assertThat(auto.candidates()).hasSize(8);
    }

    @Test
    void aPoolSmallerThanTheLargestCountIsAnError() {
        Path wf = jobs.workflow("wf.yml", autoPhase("task: x\n        from: [architect, tester]\n        counts: {simple: 1, standard: 2, complex: 3}", ""));

        JobsDirectory.assertProblem(jobs.onlyProblem(), wf, 8, "phases[0].agents.auto.counts",
                "the largest count is 3", "the pool and always hold only 2 agents");
    }

    @Test
    void forEachCannotBeCombinedWithAuto() {
        Path wf = jobs.workflow("wf.yml", autoPhase("task: x\n        from: [architect, tester]\n"
                + "        counts: {simple: 1, standard: 2, complex: 2}\n        forEach: \"{{params.files}}\"", ""));

        JobsDirectory.assertProblem(jobs.onlyProblem(), wf, 9, "phases[0].agents.auto.forEach",
                "forEach cannot be combined with auto");
    }

    @Test
    void theDefaultCountsNeedEightAgents() {
        Path wf = jobs.workflow("wf.yml", autoPhase("task: x\n        from: {category: engineering}", ""));

        JobsDirectory.assertProblem(jobs.onlyProblem(), wf, 7, "phases[0].agents.auto.counts",
                "the largest count is 8 (counts: simple 4, standard 6, complex 8)", "hold only 5 agents");
    }

    @Test
    void alwaysAgentsCountTowardTheTotal() {
        Path wf = jobs.workflow("wf.yml", autoPhase("task: x\n        from: [architect]\n        always: [proofreader, editor]\n"
                + "        counts: {simple: 1, standard: 3, complex: 4}", ""));

        List<String> problems = messages();

        assertThat(problems).containsExactlyInAnyOrder(
                "9 phases[0].agents.auto.counts: the largest count is 4 (counts: simple 1, standard 3, complex 4) but the pool"
                        + " and always hold only 3 agents",
                "8 phases[0].agents.auto.always: names 2 agents, more than the smallest count 1 (always agents count toward the total)");
        assertThat(jobs.loadFails().problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(wf));
    }

    @Test
    void everyNameMustBeInTheLibrary() {
        jobs.workflow("wf.yml", autoPhase("task: x\n        from: [architect, ghost, architect]\n        always: [nobody]", ""));

        assertThat(messages()).contains(
                "7 phases[0].agents.auto.from: unknown agent 'ghost': no file in the agent library has this name",
                "7 phases[0].agents.auto.from: 'architect' is named twice",
                "8 phases[0].agents.auto.always: unknown agent 'nobody': no file in the agent library has this name");
    }

    @Test
    void anUnknownCategoryGivesAnEmptyPoolWhichIsAnError() {
        Path wf = jobs.workflow("wf.yml", autoPhase("task: x\n        from: {category: marketing}", ""));

        JobsDirectory.assertProblem(jobs.onlyProblem(), wf, 7, "phases[0].agents.auto.from.category",
                "no agent of the library has category 'marketing', so the pool is empty (categories: docs, engineering, writing)");
    }

    @Test
    void anEmptyPoolIsAnError() {
        Path wf = jobs.workflow("wf.yml", autoPhase("task: x\n        from: []", ""));

        JobsDirectory.assertProblem(jobs.onlyProblem(), wf, 7, "phases[0].agents.auto.from",
                "the pool is empty: name at least one agent, or a category");
    }

    @Test
    void anEmptyLibraryIsAnError() {
        JobsDirectory empty = new JobsDirectory(dir.resolve("empty"));
        Path wf = empty.workflow("wf.yml", autoPhase("task: x", ""));

        JobsDirectory.assertProblem(empty.onlyProblem(), wf, 5, "phases[0].agents.auto.from",
                "the agent library is empty: an auto phase chooses from its agents");
    }

    @Test
    void countsBelowOneAndMalformedKeysAreErrors() {
        jobs.workflow("wf.yml", autoPhase("task: x\n        counts: {simple: 0, standard: -2, huge: 9}\n"
                + "        rules: {standard: [x], complex: fix}\n        pick: 3", ""));

        assertThat(messages()).containsExactlyInAnyOrder(
                "7 phases[0].agents.auto.counts.simple: '0' is not a whole number from 1 to 10000",
                "7 phases[0].agents.auto.counts.standard: '-2' is not a whole number from 1 to 10000",
                "7 phases[0].agents.auto.counts.huge: unknown key (known: complex, simple, standard)",
                "8 phases[0].agents.auto.rules.standard: unknown key (known: complex, simple)",
                "8 phases[0].agents.auto.rules.complex: must be a list of keywords, e.g. [migrate, refactor]",
                "9 phases[0].agents.auto.pick: unknown key (known: always, counts, from, rules, task)");
    }

    @Test
    void theTaskIsRequiredAndMayReadOnlyTheParameters() {
        jobs.workflow("wf.yml", autoPhase("from: {category: docs}\n        counts: {simple: 1, standard: 1, complex: 1}", ""));
        jobs.workflow("other.yml", """
                name: other
                phases:
                  - name: p
                    agents:
                      auto:
                        task: "{{params.topic}} in {{run.id}}"
                        from: [editor]
                        counts: {simple: 1, standard: 1, complex: 1}
                """);

        assertThat(messages()).containsExactlyInAnyOrder(
                "5 phases[0].agents.auto.task: the text to classify and rank by is required, e.g. task: \"{{params.task}}\"",
                "6 phases[0].agents.auto.task: {{params.topic}} (column 1): workflow 'other' declares no parameter 'topic'"
                        + " (it declares none)",
                "6 phases[0].agents.auto.task: {{run.id}} (column 21): unknown name 'run' (the task of an auto phase may read only"
                        + " params: it is rendered when the run is planned)");
    }

    @Test
    void everyCandidateIsCheckedInThePhasesScopeAsAListedAgentIs() {
        jobs.workflow("wf.yml", autoPhase("task: x\n        from: {category: writing}\n        counts: {simple: 1, standard: 1, complex: 1}", ""));

        DefinitionProblem problem = jobs.onlyProblem();

        assertThat(problem.file()).isEqualTo(dir.resolve("agents/writer.md"));
        assertThat(problem.message()).contains("{{params.topic}}", "workflow 'wf' declares no parameter 'topic'");
    }

    @Test
    void aGateMayRequireOnlyAlwaysAgentsAndMinSuccessMustFitTheSmallestCount() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents:
                      auto:
                        task: x
                        from: {category: engineering}
                        counts: {simple: 2, standard: 3, complex: 4}
                        always: [tester]
                    minSuccess: 3
                    gate: {require: [tester, architect]}
                """);

        assertThat(messages()).containsExactlyInAnyOrder(
                "10 phases[0].minSuccess: 3 is more than the phase's 2 agents for a simple task (auto.counts)",
                "11 phases[0].gate.require: 'architect' is not an agent of this phase (its agents: tester)");
        assertThat(wf).exists();
    }

    @Test
    void agentsAsAMappingMustBeAuto() {
        Path wf = jobs.workflow("wf.yml", """
                name: wf
                phases:
                  - name: p
                    agents: {pick: [architect]}
                """);

        JobsDirectory.assertProblem(jobs.onlyProblem(), wf, 4, "phases[0].agents",
                "must be a list of agent names or inline agents, or {auto: ...}");
    }

    /** A workflow whose first phase {@code p} is auto with {@code autoKeys} (indented under auto, from line 5); more phases after. */
    private static String autoPhase(String autoKeys, String laterPhases) {
        return """
                name: wf
                phases:
                  - name: p
                    agents:
                      auto:
                        %s
                %s
                """.formatted(autoKeys, laterPhases);
    }

    private void agent(String name, String category, String extra) {
        jobs.agent(name + ".md", """
                ---
                name: %s
                description: the %s agent
                category: %s
                kind: simulated
                %s---
                Do it.
                """.formatted(name, name, category, extra));
    }

    private List<String> messages() {
        return jobs.loadFails().problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.message()).toList();
    }
}
