package org.perfect21.context;

/**
 * One output held in a run's context.
 *
 * @param seq        order of addition within the run; eviction takes the lowest first
 * @param agentIndex the agent's place in its phase, which with the phase identifies its stored result
 * @param content the output, or its head with a marker when {@code cut}
 * @param bytes   UTF-8 bytes of {@code content}
 * @param tokens  reported or estimated tokens of {@code content}
 * @param iteration the iteration of its phase that produced it (a gate's repeat runs a phase again)
 */
public record ContextEntry(int seq, int phaseIndex, int agentIndex, String phase, String agent, String kind, String content,
                           long bytes, long tokens, boolean cut, int iteration) {

    public ContextEntry(int seq, int phaseIndex, int agentIndex, String phase, String agent, String kind, String content,
                        long bytes, long tokens, boolean cut) {
        this(seq, phaseIndex, agentIndex, phase, agent, kind, content, bytes, tokens, cut, 1);
    }
}
