package org.perfect21.agent;

/**
 * A kind of agent ({@code claude}, {@code http}, {@code command}, {@code git}, {@code simulated}).
 * Implementations are Spring beans; the kind named by an agent definition's {@code kind} key is
 * looked up in {@link AgentKinds}.
 */
public interface AgentKind {

    /** The value of the {@code kind} key that selects this kind. */
    String name();

    /**
     * Reads and validates the kind-specific settings of a definition once, at load time.
     * Every problem is reported through {@link AgentSettings#problem}; the returned runner is only
     * used when no problem was reported.
     */
    AgentRunner prepare(AgentDefinition definition, AgentSettings settings);
}
