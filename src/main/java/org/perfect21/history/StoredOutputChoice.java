package org.perfect21.history;

import java.util.List;

/** Which of an agent's stored outputs in a run is asked for: the rules the REST API and the command line share. */
public final class StoredOutputChoice {

    private StoredOutputChoice() {
    }

    /**
     * The output of {@code agent} in {@code runId}: in the named phase, or the only phase it ran in; of the named
     * iteration, or the latest (a gate's repeat runs a phase again). A forEach instance is named {@code agent[3]}.
     *
     * @throws NoSuchRunException        no run has the id
     * @throws NoSuchOutputException     nothing is stored for the agent, phase or iteration
     * @throws AmbiguousOutputException  the agent ran in several phases and none was named
     */
    public static RunQueries.StoredOutput choose(RunQueries queries, String runId, String agent, String phase, Integer iteration) {
        List<RunQueries.StoredOutput> outputs = queries.outputs(runId, agent);
        if (outputs.isEmpty()) {
            if (!queries.exists(runId)) {
                throw new NoSuchRunException(runId);
            }
            throw new NoSuchOutputException("run " + runId + " has no stored output of agent '" + agent + "'");
        }
        List<RunQueries.StoredOutput> chosen = phase == null ? outputs
                : outputs.stream().filter(o -> o.phase().equals(phase)).toList();
        if (chosen.isEmpty()) {
            throw new NoSuchOutputException("agent '" + agent + "' has no stored output in phase '" + phase + "' of run " + runId);
        }
        List<String> phases = chosen.stream().map(RunQueries.StoredOutput::phase).distinct().toList();
        if (phases.size() > 1) {
            throw new AmbiguousOutputException(agent, phases);
        }
        if (iteration != null) {
            chosen = chosen.stream().filter(o -> o.iteration() == iteration).toList();
            if (chosen.isEmpty()) {
                throw new NoSuchOutputException("agent '" + agent + "' has no stored output in iteration " + iteration
                        + " of phase '" + phases.get(0) + "' of run " + runId);
            }
        }
        // Iterations come in order: the last is the latest.
        return chosen.get(chosen.size() - 1);
    }
}
