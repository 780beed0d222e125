package org.perfect21.selection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.execution.RunNotRestartableException;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.workflow.WorkflowDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Auto phases end to end: the task's complexity decides how many agents run (4, 6, 8 by default), relevance and
 * history which; the run document says why; history tells equally relevant agents apart; a restart runs the agents
 * recorded, whatever the history says by then.
 */
class AutomaticSelectionTests extends SelectionTestSupport {

    private static final String ENGINEERING = """
            name: engineering
            parameters:
              task: {type: string, required: true}
            phases:
              - name: plan
                agents:
                  auto:
                    task: "{{params.task}}"
                    from: {category: engineering}
                    always: [test-engineer]
              - name: wrap-up
                agents: [documentation-writer]
            """;

    @Test
    void aSimpleTaskGetsFourAgentsAStandardOneSixAndAComplexOneEight() {
        WorkflowDefinition workflow = workflow(ENGINEERING);

        RunDocument simple = runner.run(workflow, Map.of("task", "Fix a typo in the API reference"));
        RunDocument standard = runner.run(workflow, Map.of("task", "Add a search form to the user interface pages"));
        RunDocument complex = runner.run(workflow, Map.of("task", "Migrate the database schemas and refactor the indexes"));

        assertThat(List.of(simple, standard, complex)).allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(List.of(simple, standard, complex)).extracting(run -> run.phases().get(0).agents().size()).containsExactly(4, 6, 8);
        assertThat(List.of(simple, standard, complex)).extracting(run -> run.phases().get(0).selection().complexity())
                .containsExactly("simple", "standard", "complex");
        assertThat(simple.phases().get(0).selection().matchedRules()).containsExactly(new RunDocument.MatchedRule("simple", "typo"));
        assertThat(standard.phases().get(0).selection().matchedRules()).isEmpty();
        assertThat(complex.phases().get(0).selection().matchedRules()).containsExactly(
                new RunDocument.MatchedRule("complex", "migrate"), new RunDocument.MatchedRule("complex", "refactor"));
        // The phase runs the agents chosen, in the order chosen: always first, then by rank.
        for (RunDocument run : List.of(simple, standard, complex)) {
            RunDocument.Phase plan = run.phases().get(0);
            assertThat(plan.agents()).extracting(RunDocument.Agent::agent)
                    .containsExactlyElementsOf(plan.selection().chosen().stream().map(RunDocument.Chosen::agent).toList());
            assertThat(plan.selection().chosen().get(0).agent()).isEqualTo("test-engineer");
            assertThat(plan.selection().chosen().get(0).reasons()).first().isEqualTo("always chosen (auto.always)");
            assertThat(run.phases().get(1).selection()).as("a phase that lists its agents").isNull();
        }
    }

    @Test
    void theRunDocumentSaysWhyEachAgentWasChosen() {
        RunDocument run = runner.run(workflow(ENGINEERING), Map.of("task", "Migrate the database schemas and refactor the indexes"));

        RunDocument.Chosen first = run.phases().get(0).selection().chosen().get(1);
        assertThat(first.agent()).isEqualTo("database-specialist");
        assertThat(first.score()).isPositive();
        assertThat(first.reasons().get(0)).startsWith("rank 1 of 9: relevance ")
                .contains("'Migrate' in description", "'database' in name, description", "'schemas' in description",
                        "'indexes' in description");
        assertThat(first.reasons()).last().asString().startsWith("history: ");
        RunDocument.Chosen last = run.phases().get(0).selection().chosen().get(7);
        assertThat(last.reasons().get(0)).startsWith("rank 7 of 9: ");
        // The document's JSON carries it as the CLI and the API show it.
        JsonNode json = JsonMapper.builder().build().valueToTree(run);
        assertThat(json.at("/phases/0/selection/chosen/1/agent").asString()).isEqualTo("database-specialist");
        assertThat(json.at("/phases/0/selection/matchedRules/0/keyword").asString()).isEqualTo("migrate");
        assertThat(json.at("/phases/1/selection").isNull()).isTrue();
    }

    @Test
    void historyOrdersTwoEquallyRelevantAgents() {
        WorkflowDefinition workflow = workflow("""
                name: styling
                phases:
                  - name: check
                    agents:
                      auto:
                        task: Check the CSS style sheets
                        from: {category: styling}
                        counts: {simple: 1, standard: 1, complex: 1}
                """);
        RunDocument.Selection before = selector.select(workflow.phases().get(0).auto(), Map.of());

        history("style-checker", 1, 4, 100);
        history("style-linter", 5, 0, 100);
        RunDocument.Selection after = selector.select(workflow.phases().get(0).auto(), Map.of());

        assertThat(before.chosen()).extracting(RunDocument.Chosen::agent).as("equal scores, no history: by name")
                .containsExactly("style-checker");
        assertThat(after.chosen()).extracting(RunDocument.Chosen::agent).containsExactly("style-linter");
        assertThat(after.chosen().get(0).score()).isEqualTo(before.chosen().get(0).score());
        assertThat(after.chosen().get(0).reasons()).containsExactly(
                before.chosen().get(0).reasons().get(0).replace("style-checker", "style-linter"),
                "near tie with 1 other (scores within 10% of style-checker's): ordered by success rate, p95, then name",
                "history: 5 of 5 recent results completed (success rate 0.86), p95 100 ms");
        assertThat(selector.select(workflow.phases().get(0).auto(), Map.of())).as("the same history, the same choice").isEqualTo(after);
    }

    @Test
    void aRestartRunsTheAgentsRecordedWhateverTheHistorySaysByThen() {
        WorkflowDefinition workflow = workflow(TRANSLATION);
        probe.failing.add("translator-one");
        RunDocument failed = runner.run(workflow, Map.of());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        RunDocument.Selection recorded = failed.phases().get(0).selection();
        assertThat(recorded.chosen()).extracting(RunDocument.Chosen::agent).containsExactly("translator-one", "translator-three");

        history("translator-two", 10, 0, 50);
        history("translator-three", 0, 10, 50);
        probe.failing.clear();
        assertThat(selector.select(workflow.phases().get(0).auto(), Map.of()).chosen()).extracting(RunDocument.Chosen::agent)
                .as("chosen now, the history would have it otherwise").containsExactly("translator-two", "translator-one");
        RunDocument restarted = runner.restart(failed.runId());

        assertThat(restarted.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(restarted.phases().get(0).agents()).extracting(RunDocument.Agent::agent)
                .containsExactly("translator-one", "translator-three");
        assertThat(restarted.phases().get(0).selection()).isEqualTo(recorded);
        assertThat(probe.invocationsOf("translator-one")).isEqualTo(2);
        assertThat(probe.invocationsOf("translator-three")).isEqualTo(1);
        assertThat(probe.invocationsOf("translator-two")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_PHASE_SELECTION WHERE RUN_ID = ?", Integer.class, failed.runId()))
                .isEqualTo(1);
    }

    @Test
    void aRestartWhoseRecordedAgentIsNoLongerACandidateIsRefused() throws IOException {
        Path file = dir.resolve("localization.yml");
        Files.writeString(file, """
                name: localization
                phases:
                  - name: adapt
                    agents:
                      auto:
                        task: Adapt the dates to the locale
                        from: {category: localization}
                        counts: {simple: 2, standard: 2, complex: 2}
                """);
        probe.failing.addAll(List.of("localizer-one", "localizer-two", "localizer-three"));
        RunDocument failed = runner.run(loader.loadFiles(List.of(), List.of(file)).workflow("localization").orElseThrow(), Map.of());
        String gone = failed.phases().get(0).selection().chosen().get(0).agent();
        List<String> others = List.of("localizer-one", "localizer-two", "localizer-three").stream().filter(a -> !a.equals(gone)).toList();
        Files.writeString(file, Files.readString(file).replace("from: {category: localization}", "from: " + others));

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThatThrownBy(() -> runner.restart(failed.runId())).isInstanceOf(RunNotRestartableException.class)
                .hasMessage("run " + failed.runId() + ": phase 'adapt' chose agent '" + gone + "', which is no longer one of"
                        + " its candidates");
    }

    private static final String TRANSLATION = """
            name: translation
            phases:
              - name: review
                agents:
                  auto:
                    task: Review the translation files
                    from: {category: translation}
                    counts: {simple: 2, standard: 2, complex: 2}
            """;
}
