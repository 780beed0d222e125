package org.perfect21.history;

import java.time.Instant;
import java.util.List;

import org.perfect21.usage.Usage;

/**
 * A run as the CLI's {@code --json} and the REST API show it. Later versions may add fields, never
 * remove or rename them.
 */
public record RunDocument(String runId, String workflow, RunStatus status, Instant startedAt, Instant endedAt,
                          Long durationMs, String error, List<Phase> phases, Context context, Usage usage) {

    public RunDocument(String runId, String workflow, RunStatus status, Instant startedAt, Instant endedAt,
                       Long durationMs, String error, List<Phase> phases, Context context) {
        this(runId, workflow, status, startedAt, endedAt, durationMs, error, phases, context, total(phases));
    }

    /** What the run's agents used, summed; each figure null where no agent reported it. */
    public static Usage total(List<Phase> phases) {
        Usage total = Usage.UNKNOWN;
        for (Phase phase : phases) {
            for (Agent agent : phase.agents()) {
                total = total.plus(agent.usage());
            }
        }
        return total;
    }

    /**
     * The run's context: what it holds now against its budget; null before its first phase started.
     *
     * @param evictions entries evicted to stay within the budget
     * @param cuts      outputs kept only as a head because one output may take at most a share of the budget
     */
    public record Context(long bytes, long tokens, long budgetBytes, long budgetTokens, int entries, int evictions,
                          int cuts, long peakBytes) {
    }

    /**
     * One phase of the run, in one iteration: phases are listed in the order they started, so a phase a gate's repeat
     * ran again appears once per iteration.
     *
     * @param index     its place in the workflow (0 for the first phase)
     * @param iteration 1, or the iteration of the gate's repeat that ran it again
     * @param gate      the verdict of its gate; null when it has none, or before its agents are done
     * @param selection how an auto phase chose its agents; null for a phase that lists them
     */
    public record Phase(String name, int index, int iteration, PhaseStatus status, Long durationMs, int succeeded, int failed,
                        int required, List<Agent> agents, Gate gate, Selection selection) {

        public Phase(String name, int index, int iteration, PhaseStatus status, Long durationMs, int succeeded, int failed,
                     int required, List<Agent> agents, Gate gate) {
            this(name, index, iteration, status, durationMs, succeeded, failed, required, agents, gate, null);
        }

        public Phase(String name, PhaseStatus status, Long durationMs, int succeeded, int failed, int required, List<Agent> agents,
                     Gate gate) {
            this(name, 0, 1, status, durationMs, succeeded, failed, required, agents, gate);
        }

        public Phase(String name, PhaseStatus status, Long durationMs, int succeeded, int failed, int required, List<Agent> agents) {
            this(name, status, durationMs, succeeded, failed, required, agents, null);
        }

        /** The same phase with other agent entries (e.g. those running now shown as such). */
        public Phase withAgents(List<Agent> shown) {
            return new Phase(name, index, iteration, status, durationMs, succeeded, failed, required, shown, gate, selection);
        }
    }

    /**
     * How an auto phase chose its agents when the run was planned (a restart reuses it).
     *
     * @param complexity   {@code simple}, {@code standard} or {@code complex}: what the rules made of the task
     * @param matchedRules every keyword found in the task, of either level (complex wins over simple)
     * @param chosen       the agents chosen, in the order they run: the always agents, then by rank
     */
    public record Selection(String complexity, List<MatchedRule> matchedRules, List<Chosen> chosen) {
    }

    /** A complexity keyword found in the task, e.g. {@code complex: migrate}. */
    public record MatchedRule(String complexity, String keyword) {
    }

    /**
     * @param score   the task's BM25 relevance to the agent's name, description and category (0: no word in common)
     * @param reasons why it was chosen: always, its relevance and what matched, a near tie, its history
     */
    public record Chosen(String agent, double score, List<String> reasons) {
    }

    /**
     * A phase gate's verdict: each check (the minSuccess, each required agent, each expected output) and whether it
     * held.
     */
    public record Gate(boolean passed, List<GateCheck> checks) {
    }

    /**
     * @param check  the check as written, e.g. {@code verdict matches PASS}
     * @param detail what was found: the match, the value, or a bounded excerpt of the output
     */
    public record GateCheck(String check, boolean passed, String detail) {
    }

    /**
     * One agent of a phase.
     *
     * @param cacheHit  whether the result cache answered instead of the agent running
     * @param cacheTier the tier that answered ({@code HOT}, {@code WARM}, {@code COLD}), {@code MISS} when a cacheable
     *                  agent ran, null when it is not cacheable
     * @param tokens    tokens the agent reported using, or null
     * @param model     the model that answered, or null
     * @param usage     tokens by kind and cost; its figures are null where unknown
     */
    public record Agent(String agent, AgentStatus status, Instant startedAt, Instant endedAt, Long durationMs,
                        int attempts, long outputBytes, boolean outputTruncated, String error, boolean cacheHit,
                        String cacheTier, Long tokens, String model, Usage usage) {

        public Agent {
            usage = usage == null ? Usage.UNKNOWN : usage;
        }

        public static Agent pending(String agent) {
            return running(agent, AgentStatus.PENDING, null, 0);
        }

        /** An agent with no result yet: pending, or running an attempt. */
        public static Agent running(String agent, AgentStatus status, Instant startedAt, int attempts) {
            return new Agent(agent, status, startedAt, null, null, attempts, 0, false, null, false, null, null, null,
                    Usage.UNKNOWN);
        }
    }
}
