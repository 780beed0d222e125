package org.perfect21.launch;

import org.perfect21.execution.partition.AgentDispatcher;

/**
 * Breaks the module rules on purpose: launch may use execution's API, not its internals. {@code ModularityTests}
 * feeds it to the check.
 */
final class LaunchUsingExecutionInternalsFixture {

    private final AgentDispatcher dispatcher;

    LaunchUsingExecutionInternalsFixture(AgentDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    AgentDispatcher dispatcher() {
        return dispatcher;
    }
}
