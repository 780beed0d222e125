package org.perfect21.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.perfect21.history.RunDocument;
import org.perfect21.workflow.AutoSelection;
import org.perfect21.workflow.PreparedAgent;
import org.springframework.stereotype.Component;

/**
 * Chooses an auto phase's agents for a task: the count its complexity asks for, the always agents first, then the
 * best of the ranking ({@link AgentRanking}). The same task, definitions and history give the same choice.
 */
@Component
public class AgentSelector {

    private final SelectionProperties properties;
    private final AgentHistory history;
    // Built once per loaded definition: the key is the auto phase as loaded, held weakly and compared by identity, so a
    // reload's new definitions get new pools and the old ones go with their definitions.
    private final Cache<AutoSelection, Pool> pools = Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();

    AgentSelector(SelectionProperties properties, AgentHistory history) {
        this.properties = properties;
        this.history = history;
    }

    /** What an auto phase ranks with: its candidates' index and its complexity rules. */
    private record Pool(CandidateIndex index, ComplexityRules rules) {
    }

    /**
     * Chooses for the task the run's parameters make of the phase's {@code task}.
     *
     * @param params the run's typed parameters
     */
    public RunDocument.Selection select(AutoSelection auto, Map<String, Object> params) {
        Pool pool = pools.get(auto, this::pool);
        String task = auto.task().render(Map.of("params", params));
        ComplexityRules.Judgement judgement = pool.rules().judge(task);
        Map<String, CandidateIndex.Relevance> relevance = pool.index().relevance(task);
        List<String> ranked = auto.candidateNames().stream().filter(name -> !auto.always().contains(name)).toList();
        List<List<AgentRanking.Ranked>> groups = AgentRanking.groups(ranked, relevance, properties.tieMargin());
        int wanted = auto.counts().of(judgement.complexity()) - auto.always().size();
        // History is read only where it can change the choice (and for the always agents' reasons).
        List<String> tracked = new ArrayList<>(auto.always());
        tracked.addAll(AgentRanking.reach(groups, wanted));
        Map<String, AgentHistory.Track> tracks = history.of(tracked);
        List<RunDocument.Chosen> chosen = new ArrayList<>();
        for (String name : auto.always()) {
            CandidateIndex.Relevance always = relevance.get(name);
            chosen.add(new RunDocument.Chosen(name, SelectionReasons.score(always.score()),
                    SelectionReasons.ofAlways(always, tracks.get(name))));
        }
        List<AgentRanking.Ranked> order = AgentRanking.order(groups, tracks);
        for (int i = 0; i < Math.min(wanted, order.size()); i++) {
            AgentRanking.Ranked next = order.get(i);
            chosen.add(new RunDocument.Chosen(next.agent(), SelectionReasons.score(next.relevance().score()),
                    SelectionReasons.ofRanked(next, i + 1, order.size(), properties.tieMargin())));
        }
        return new RunDocument.Selection(judgement.complexity().label(), judgement.matched(), List.copyOf(chosen));
    }

    private Pool pool(AutoSelection auto) {
        return new Pool(CandidateIndex.of(auto.candidates().stream().map(PreparedAgent::definition).toList()),
                new ComplexityRules(auto.rules(), properties.rules()));
    }
}
