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
 */
public record AgentCall(String runId, String phase, String instruction, String systemPrompt, int attempt,
                        Map<String, Object> params, Executor executor) {

    /** What templates in a kind's settings (command arguments, a repository path...) are rendered with. */
    public Map<String, Object> settingsScope(String agent) {
        return Map.of("params", params, "run", Map.of("id", runId), "phase", Map.of("name", phase), "agent", Map.of("name", agent));
    }
}
