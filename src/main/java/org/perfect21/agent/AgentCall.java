package org.perfect21.agent;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One attempt of an agent within a run.
 *
 * @param runId       the run this attempt belongs to
 * @param phase       the phase name
 * @param instruction the user prompt: the agent's {@code instruction} and the phase's, rendered
 * @param systemPrompt the agent's body as written (rendered only when it says {@code template: true}); empty when it
 *                     has none
 * @param attempt     1 for the first attempt, then 2, 3... for retries
 * @param params      the run's parameter values, for kinds that render more than the instruction
 * @param executor    the platform's agent executor, for the kind's blocking I/O
 * @param iteration   1, or the iteration of a gate's repeat that runs the phase again
 * @param item        for an instance of a {@code forEach}: {@code item} and {@code index}; empty otherwise
 */
public record AgentCall(String runId, String phase, String instruction, String systemPrompt, int attempt,
                        Map<String, Object> params, Executor executor, int iteration, Map<String, Object> item) {

    public AgentCall(String runId, String phase, String instruction, String systemPrompt, int attempt,
                     Map<String, Object> params, Executor executor, int iteration) {
        this(runId, phase, instruction, systemPrompt, attempt, params, executor, iteration, Map.of());
    }

    public AgentCall(String runId, String phase, String instruction, String systemPrompt, int attempt,
                     Map<String, Object> params, Executor executor) {
        this(runId, phase, instruction, systemPrompt, attempt, params, executor, 1);
    }

    /** The same call for an instance of a forEach: its settings' templates also read {@code item} and {@code index}. */
    public AgentCall withItem(Map<String, Object> itemScope) {
        return new AgentCall(runId, phase, instruction, systemPrompt, attempt, params, executor, iteration, itemScope);
    }

    /** What templates in a kind's settings (command arguments, a repository path...) are rendered with. */
    public Map<String, Object> settingsScope(String agent) {
        Map<String, Object> scope = new java.util.HashMap<>(item);
        scope.putAll(Map.of("params", params, "run", Map.of("id", runId), "phase", Map.of("name", phase, "iteration", iteration),
                "agent", Map.of("name", agent)));
        return scope;
    }
}
