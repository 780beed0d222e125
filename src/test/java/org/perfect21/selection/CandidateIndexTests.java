package org.perfect21.selection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.agent.AgentDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/** BM25 over the candidates' names, descriptions and categories, with English stemming. */
class CandidateIndexTests {

    private final CandidateIndex index = CandidateIndex.of(List.of(
            agent("database-specialist", "Designs schemas, indexes and migrations.", "engineering"),
            agent("frontend-developer", "Builds pages, forms and components.", "engineering"),
            agent("copy-editor", "Edits the wording of pages.", "docs")));

    @Test
    void theMostRelevantCandidateScoresHighestAndSaysWhatMatched() {
        Map<String, CandidateIndex.Relevance> relevance = index.relevance("Migrate the database and its indexes");

        assertThat(relevance.get("database-specialist").score()).isGreaterThan(0);
        assertThat(relevance.get("database-specialist").matches()).containsExactly(
                new CandidateIndex.Match("Migrate", List.of("description")), new CandidateIndex.Match("database", List.of("name")),
                new CandidateIndex.Match("indexes", List.of("description")));
        assertThat(relevance.get("frontend-developer")).isEqualTo(CandidateIndex.Relevance.NONE);
    }

    @Test
    void aWordInTheNameWeighsMoreThanInTheDescription() {
        Map<String, CandidateIndex.Relevance> relevance = index.relevance("a new frontend for the pages");

        assertThat(relevance.get("frontend-developer").score()).isGreaterThan(relevance.get("copy-editor").score());
        assertThat(relevance.get("copy-editor").score()).isGreaterThan(0);
    }

    @Test
    void theCategoryCountsToo() {
        assertThat(index.relevance("docs").get("copy-editor").matches()).containsExactly(
                new CandidateIndex.Match("docs", List.of("category")));
    }

    @Test
    void aTaskOfStopWordsOnlyIsRelevantToNone() {
        assertThat(index.relevance("the and of it").values()).containsOnly(CandidateIndex.Relevance.NONE);
        assertThat(index.relevance("").values()).containsOnly(CandidateIndex.Relevance.NONE);
    }

    @Test
    void theSameTaskScoresTheSame() {
        assertThat(index.relevance("forms and schemas")).isEqualTo(index.relevance("forms and schemas"));
    }

    private static AgentDefinition agent(String name, String description, String category) {
        return new AgentDefinition(name, "simulated", description, category, List.of(), null, null, null, 0, "", null, null, 0);
    }
}
