package org.perfect21.execution.partition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.perfect21.agent.AgentOutcome;
import org.perfect21.cache.CacheableResult;
import org.perfect21.cache.CachedResult;
import org.perfect21.history.AgentResult;
import org.perfect21.history.AgentStatus;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;

/**
 * Builds the result rows of a partition's agents: attempts are counted on from an earlier execution of the
 * run, and the stored output is cut to {@code perfect21.execution.stored-output}.
 */
final class AgentResults {

    private final String runId;
    private final int phaseIndex;
    private final int iteration;
    private final PhaseDefinition phase;
    private final List<PreparedAgent> agents;
    private final Map<Integer, AgentResult> prior;
    private final long storedLimit;

    AgentResults(String runId, int phaseIndex, int iteration, PhaseDefinition phase, List<PreparedAgent> agents,
                 Map<Integer, AgentResult> prior, long storedLimit) {
        this.agents = agents;
        this.runId = runId;
        this.phaseIndex = phaseIndex;
        this.iteration = iteration;
        this.phase = phase;
        this.prior = prior;
        this.storedLimit = storedLimit;
    }

    /** Attempts an earlier execution of the run made for this agent. */
    int priorAttempts(int agentIndex) {
        AgentResult before = prior.get(agentIndex);
        return before == null ? 0 : before.attempts();
    }

    /** An agent whose attempts ended: completed, or in {@code failedAs} (FAILED, or STOPPED for a stopped run). */
    AgentResult ran(int agentIndex, AgentOutcome outcome, int attempts, Instant startedAt, AgentStatus failedAs,
                    String cacheTier) {
        String stored = clip(outcome.output());
        return new AgentResult(runId, phaseIndex, agentIndex, phase.name(), agent(agentIndex).name(), kind(agentIndex),
                recorded(agentIndex), outcome.succeeded() ? AgentStatus.COMPLETED : failedAs,
                priorAttempts(agentIndex) + attempts, startedAt, Instant.now(), outcome.outputBytes(),
                outcome.truncated() || stored.length() < outcome.output().length(), stored, outcome.error(),
                outcome.tokens(), cacheTier, outcome.usage(), outcome.model(), iteration);
    }

    /** An agent the result cache answered for: completed, no attempt made. */
    AgentResult served(int agentIndex, CachedResult hit) {
        CacheableResult result = hit.result();
        String stored = clip(result.output());
        Instant now = Instant.now();
        return new AgentResult(runId, phaseIndex, agentIndex, phase.name(), agent(agentIndex).name(), kind(agentIndex),
                recorded(agentIndex), AgentStatus.COMPLETED, priorAttempts(agentIndex), now, now, result.outputBytes(),
                result.truncated() || stored.length() < result.output().length(), stored, null, result.tokens(),
                hit.tier().name(), null, null, iteration);
    }

    /** An agent that failed without an outcome (an error outside its attempts). */
    AgentResult failed(int agentIndex, AgentStatus status, String error) {
        Instant now = Instant.now();
        return new AgentResult(runId, phaseIndex, agentIndex, phase.name(), agent(agentIndex).name(), kind(agentIndex),
                recorded(agentIndex), status, priorAttempts(agentIndex) + 1, now, now, 0, false, "", error, null, null, null,
                null, iteration);
    }

    private PreparedAgent agent(int agentIndex) {
        return agents.get(agentIndex);
    }

    private String kind(int agentIndex) {
        return agent(agentIndex).definition().effectiveKind();
    }

    private boolean recorded(int agentIndex) {
        return prior.containsKey(agentIndex);
    }

    private String clip(String output) {
        return output.length() <= storedLimit ? output : output.substring(0, (int) storedLimit);
    }
}
