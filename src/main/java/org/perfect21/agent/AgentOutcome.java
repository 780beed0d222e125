package org.perfect21.agent;

/**
 * What an agent attempt produced.
 *
 * @param succeeded   whether the attempt succeeded
 * @param output      the captured output (possibly truncated), never null
 * @param outputBytes size of the whole output in bytes, including what was not kept
 * @param truncated   whether {@code output} holds less than the agent produced
 * @param error       why the attempt failed, or null
 * @param tokens      tokens the agent reported using (model usage), or null when it reports none
 */
public record AgentOutcome(boolean succeeded, String output, long outputBytes, boolean truncated, String error, Long tokens) {

    public AgentOutcome(boolean succeeded, String output, long outputBytes, boolean truncated, String error) {
        this(succeeded, output, outputBytes, truncated, error, null);
    }

    public static AgentOutcome success(String output) {
        return new AgentOutcome(true, output, output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false, null);
    }

    public static AgentOutcome failure(String error) {
        return new AgentOutcome(false, "", 0, false, error);
    }
}
