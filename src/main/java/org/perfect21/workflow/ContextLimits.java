package org.perfect21.workflow;

/**
 * A workflow's own context budget ({@code context: {maxBytes: 150KB, maxTokens: 40000}}); a null limit
 * takes the platform's default.
 */
public record ContextLimits(Long maxBytes, Long maxTokens) {

    public static final ContextLimits DEFAULTS = new ContextLimits(null, null);
}
