package org.perfect21.cache;

/**
 * What a cacheable agent produced.
 *
 * @param output      the full output text the agent returned (may itself be truncated by the agent kind)
 * @param outputBytes the size of the output the agent produced, in bytes
 * @param truncated   whether the agent kind truncated the output
 * @param tokens      tokens used, when the agent kind reports them
 */
public record CacheableResult(String output, long outputBytes, boolean truncated, Long tokens) {
}
