package org.perfect21.agent.http;

/**
 * An http agent's settings, checked.
 *
 * @param keyVariable the environment variable that holds the API key, or null for a server that takes none
 * @param temperature the sampling temperature, or null for the server's default
 * @param maxOutput   the most of the answer's text kept, in bytes
 */
record HttpAgentSpec(Provider provider, String baseUrl, String model, long maxTokens, Double temperature,
                     String keyVariable, long maxOutput) {
}
