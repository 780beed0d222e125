package org.perfect21.execution;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The agent executor. It is not paused with a paused context (Spring 7 pauses inactive cached test
 * contexts): timers and completions arriving meanwhile would park threads in the pause, and a later
 * close does not wake them, so closing would wait out the termination timeout with threads left over.
 * A real close is unaffected: with wait-for-tasks on shutdown the executor is never paused then.
 */
final class AgentExecutor extends ThreadPoolTaskExecutor {

    @Override
    public boolean isPauseable() {
        return false;
    }
}
