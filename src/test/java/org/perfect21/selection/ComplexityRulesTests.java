package org.perfect21.selection;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfect21.history.RunDocument;
import org.perfect21.workflow.AutoSelection;
import org.perfect21.workflow.Complexity;

import static org.assertj.core.api.Assertions.assertThat;

/** The complexity of a task from its keywords: complex wins over simple, neither is standard. */
class ComplexityRulesTests {

    private static final SelectionProperties.Rules DEFAULTS = new SelectionProperties.Rules(
            List.of("architect", "design system", "integrate", "migrate", "refactor", "complex"),
            List.of("fix bug", "typo", "minor", "quick", "simple", "small change"));

    private final ComplexityRules rules = new ComplexityRules(AutoSelection.Rules.NONE, DEFAULTS);

    @Test
    void aComplexKeywordMakesATaskComplex() {
        assertThat(rules.judge("Refactoring the billing module").complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(rules.judge("Design   System for the shop").matched())
                .containsExactly(new RunDocument.MatchedRule("complex", "design system"));
    }

    @Test
    void aSimpleKeywordMakesATaskSimple() {
        assertThat(rules.judge("fix bugs in the export").complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(rules.judge("A quick look at the typo").matched()).containsExactly(
                new RunDocument.MatchedRule("simple", "typo"), new RunDocument.MatchedRule("simple", "quick"));
    }

    @Test
    void complexWinsOverSimpleAndBothAreListed() {
        ComplexityRules.Judgement judgement = rules.judge("A quick fix bug, then migrate the schema");

        assertThat(judgement.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(judgement.matched()).containsExactly(new RunDocument.MatchedRule("complex", "migrate"),
                new RunDocument.MatchedRule("simple", "fix bug"), new RunDocument.MatchedRule("simple", "quick"));
    }

    @Test
    void neitherIsStandard() {
        ComplexityRules.Judgement judgement = rules.judge("Add an export of invoices as CSV");

        assertThat(judgement.complexity()).isEqualTo(Complexity.STANDARD);
        assertThat(judgement.matched()).isEmpty();
    }

    @Test
    void aKeywordIsFoundOnlyAtTheStartOfAWord() {
        assertThat(rules.judge("the seminormal prefactorization of a subarchitecture").complexity()).isEqualTo(Complexity.STANDARD);
    }

    @Test
    void aWorkflowsLevelReplacesTheConfiguredOneAndAnEmptyListTurnsItOff() {
        ComplexityRules own = new ComplexityRules(new AutoSelection.Rules(List.of("billing"), List.of()), DEFAULTS);

        assertThat(own.judge("billing export").complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(own.judge("migrate a typo").complexity()).as("neither default level applies").isEqualTo(Complexity.STANDARD);
        assertThat(new ComplexityRules(new AutoSelection.Rules(null, List.of("tiny")), DEFAULTS).judge("a tiny migration, migrate it")
                .matched()).containsExactly(new RunDocument.MatchedRule("complex", "migrate"), new RunDocument.MatchedRule("simple", "tiny"));
    }
}
