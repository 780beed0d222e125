package org.perfect21.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The combined order of an auto phase's candidates, the same for the same scores and history: by BM25 score, highest
 * first, in groups of near ties (a group takes every next score within the tie margin of its first, highest one);
 * within a group by success rate (highest first), then p95 duration (shortest first; none last), then score, then name.
 * The groups depend on the scores alone, so only the history of the groups a cut reaches can change what it takes.
 */
final class AgentRanking {

    private static final Comparator<Ranked> BY_SCORE = Comparator.comparingDouble((Ranked r) -> r.relevance().score()).reversed()
            .thenComparing(Ranked::agent);
    private static final Comparator<Ranked> WITHIN_TIE = Comparator
            .comparingDouble((Ranked r) -> r.track().successRate()).reversed()
            .thenComparing(r -> r.track().p95Ms(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BY_SCORE);

    private AgentRanking() {
    }

    /**
     * A candidate in the order.
     *
     * @param leader the first of its near-tie group (itself when it leads)
     * @param tied   how many candidates its group holds (1: no tie)
     */
    record Ranked(String agent, CandidateIndex.Relevance relevance, AgentHistory.Track track, String leader, int tied) {
    }

    /** The near-tie groups by score, each in score order (then name), the best group first. */
    static List<List<Ranked>> groups(List<String> candidates, Map<String, CandidateIndex.Relevance> relevance, double tieMargin) {
        List<Ranked> byScore = new ArrayList<>();
        for (String agent : candidates) {
            byScore.add(new Ranked(agent, relevance.getOrDefault(agent, CandidateIndex.Relevance.NONE), AgentHistory.Track.NONE,
                    agent, 1));
        }
        byScore.sort(BY_SCORE);
        List<List<Ranked>> groups = new ArrayList<>();
        int start = 0;
        while (start < byScore.size()) {
            float lead = byScore.get(start).relevance().score();
            int end = start + 1;
            while (end < byScore.size() && byScore.get(end).relevance().score() >= lead * (1 - tieMargin)) {
                end++;
            }
            groups.add(List.copyOf(byScore.subList(start, end)));
            start = end;
        }
        return groups;
    }

    /** The candidates of the groups that begin within the first {@code positions}: whose history can change those positions. */
    static List<String> reach(List<List<Ranked>> groups, int positions) {
        List<String> reached = new ArrayList<>();
        for (List<Ranked> group : groups) {
            if (reached.size() >= positions) {
                break;
            }
            group.forEach(r -> reached.add(r.agent()));
        }
        return reached;
    }

    /** The combined order; a candidate without a track orders as one without history. */
    static List<Ranked> order(List<List<Ranked>> groups, Map<String, AgentHistory.Track> tracks) {
        List<Ranked> ordered = new ArrayList<>();
        for (List<Ranked> group : groups) {
            String leader = group.get(0).agent();
            List<Ranked> tied = new ArrayList<>();
            for (Ranked r : group) {
                tied.add(new Ranked(r.agent(), r.relevance(), tracks.getOrDefault(r.agent(), AgentHistory.Track.NONE), leader,
                        group.size()));
            }
            tied.sort(WITHIN_TIE);
            ordered.addAll(tied);
        }
        return ordered;
    }
}
