package org.perfect21.context;

/**
 * A finished agent's output offered to the context.
 *
 * @param agentIndex     the agent's place in its phase; entries of a phase are added in this order
 * @param kind           the agent's kind ({@code git} outputs also become the {@code git} template value)
 * @param reportedTokens tokens the agent reported using for this output, or null to estimate from bytes
 */
public record ContextInput(int agentIndex, String phase, String agent, String kind, String output, Long reportedTokens) {
}
