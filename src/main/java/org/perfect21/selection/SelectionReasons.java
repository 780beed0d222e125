package org.perfect21.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why an agent was chosen, in words the run document shows. */
final class SelectionReasons {

    private SelectionReasons() {
    }

    static List<String> ofAlways(CandidateIndex.Relevance relevance, AgentHistory.Track track) {
        List<String> reasons = new ArrayList<>();
        reasons.add("always chosen (auto.always)");
        reasons.add(relevance(relevance));
        reasons.add(history(track));
        return List.copyOf(reasons);
    }

    /**
     * @param rank 1 for the first candidate of the ranking
     * @param of   how many candidates were ranked
     */
    static List<String> ofRanked(AgentRanking.Ranked ranked, int rank, int of, double tieMargin) {
        List<String> reasons = new ArrayList<>();
        reasons.add("rank " + rank + " of " + of + ": " + relevance(ranked.relevance()));
        if (ranked.tied() > 1) {
            reasons.add(tie(ranked, tieMargin));
        }
        reasons.add(history(ranked.track()));
        return List.copyOf(reasons);
    }

    private static String tie(AgentRanking.Ranked ranked, double tieMargin) {
        String others = ranked.tied() - 1 + (ranked.tied() == 2 ? " other" : " others");
        if (ranked.relevance().score() == 0) {
            return "no relevance, like " + others + ": ordered by success rate, p95, then name";
        }
        return "near tie with " + others + " (scores within " + percent(tieMargin) + " of "
                + (ranked.agent().equals(ranked.leader()) ? "its own" : ranked.leader() + "'s") + "): ordered by success rate, p95, then name";
    }

    private static String relevance(CandidateIndex.Relevance relevance) {
        if (relevance.matches().isEmpty()) {
            return "relevance 0: no word of the task in its name, description or category";
        }
        List<String> words = new ArrayList<>();
        for (CandidateIndex.Match match : relevance.matches()) {
            words.add("'" + match.word() + "' in " + String.join(", ", match.fields()));
        }
        return "relevance " + score(relevance.score()) + ": " + String.join("; ", words);
    }

    private static String history(AgentHistory.Track track) {
        if (track.results() == 0) {
            return "history: no recent result (success rate taken as 0.50)";
        }
        return "history: " + track.completed() + " of " + track.results() + " recent results completed (success rate "
                + String.format(Locale.ROOT, "%.2f", track.successRate()) + ")"
                + (track.p95Ms() == null ? "" : ", p95 " + track.p95Ms() + " ms");
    }

    /** A score as the document shows it: four decimals. */
    static double score(float score) {
        return Math.round(score * 10_000d) / 10_000d;
    }

    private static String percent(double margin) {
        return String.format(Locale.ROOT, "%.0f%%", margin * 100);
    }
}
