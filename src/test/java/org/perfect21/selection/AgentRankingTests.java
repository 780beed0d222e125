package org.perfect21.selection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The combined order: BM25 score first, near ties by success rate, then p95, then score and name. */
class AgentRankingTests {

    @Test
    void scoresOutsideTheMarginAreOrderedByScoreWhateverTheHistory() {
        List<String> order = order(Map.of("a", 1.0f, "b", 2.0f, "c", 3.0f),
                Map.of("c", new AgentHistory.Track(10, 0, 900L), "a", new AgentHistory.Track(10, 10, 10L)), 0.1);

        assertThat(order).containsExactly("c", "b", "a");
    }

    @Test
    void withinTheMarginOfTheGroupsFirstScoreSuccessRateDecidesThenP95ThenName() {
        Map<String, Float> scores = Map.of("lead", 2.0f, "close", 1.9f, "same-rate-faster", 1.85f, "unknown", 1.81f, "far", 1.7f);
        Map<String, AgentHistory.Track> tracks = Map.of(
                "lead", new AgentHistory.Track(10, 5, 100L),
                "close", new AgentHistory.Track(10, 9, 500L),
                "same-rate-faster", new AgentHistory.Track(10, 9, 200L),
                "far", new AgentHistory.Track(10, 10, 1L));

        // close and same-rate-faster: 10/12; lead: 6/12, and unknown, without history, 0.5 too: p95 decides, none last.
        assertThat(order(scores, tracks, 0.1)).containsExactly("same-rate-faster", "close", "lead", "unknown", "far");
    }

    @Test
    void equalScoresWithoutHistoryGoByName() {
        assertThat(order(Map.of("b", 1f, "a", 1f, "c", 1f), Map.of(), 0)).containsExactly("a", "b", "c");
    }

    @Test
    void candidatesWithoutRelevanceAreOneGroupOrderedByHistory() {
        assertThat(order(Map.of("a", 0f, "b", 0f, "c", 0.5f), Map.of("b", new AgentHistory.Track(3, 3, 5L)), 0.1))
                .containsExactly("c", "b", "a");
    }

    @Test
    void theSameInputsGiveTheSameOrder() {
        Map<String, Float> scores = Map.of("a", 1f, "b", 0.95f, "c", 0.5f, "d", 0.49f);
        Map<String, AgentHistory.Track> tracks = Map.of("b", new AgentHistory.Track(4, 4, 10L), "d", new AgentHistory.Track(4, 0, null));

        assertThat(order(scores, tracks, 0.1)).isEqualTo(order(scores, tracks, 0.1)).containsExactly("b", "a", "c", "d");
    }

    @Test
    void theCutReachesWholeGroupsOnly() {
        Map<String, CandidateIndex.Relevance> relevance = new java.util.HashMap<>();
        Map.of("a", 3f, "b", 2f, "c", 1.95f, "d", 1.9f, "e", 1f).forEach((agent, score) ->
                relevance.put(agent, new CandidateIndex.Relevance(score, List.of())));
        List<List<AgentRanking.Ranked>> groups = AgentRanking.groups(List.of("a", "b", "c", "d", "e"), relevance, 0.1);

        assertThat(AgentRanking.reach(groups, 1)).containsExactly("a");
        assertThat(AgentRanking.reach(groups, 2)).as("b's group holds c and d").containsExactly("a", "b", "c", "d");
        assertThat(AgentRanking.reach(groups, 0)).isEmpty();
    }

    private static List<String> order(Map<String, Float> scores, Map<String, AgentHistory.Track> tracks, double margin) {
        Map<String, CandidateIndex.Relevance> relevance = new java.util.HashMap<>();
        scores.forEach((agent, score) -> relevance.put(agent, new CandidateIndex.Relevance(score, List.of())));
        List<String> candidates = scores.keySet().stream().sorted().toList();
        return AgentRanking.order(AgentRanking.groups(candidates, relevance, margin), tracks).stream().map(AgentRanking.Ranked::agent)
                .toList();
    }
}
