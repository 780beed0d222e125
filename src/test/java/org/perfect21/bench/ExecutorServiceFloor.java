package org.perfect21.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.PreparedAgent;

/**
 * The floor: the same prepared agents on a bare fixed thread pool, one task per agent that blocks
 * until its agent is done. No persistence, no bookkeeping; what any platform adds is measured above this.
 */
final class ExecutorServiceFloor implements Contender {

    // Enough threads for 8 runs of 5 agents or one run of 30 in flight, so the pool never queues.
    static final int THREADS = 64;

    private final Definitions definitions;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    ExecutorServiceFloor(Definitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public String name() {
        return "ExecutorService floor";
    }

    @Override
    public RunSample run(Workload workload) {
        List<PreparedAgent> agents = definitions.workflow(workload.name()).orElseThrow().phases().get(0).agents();
        AtomicLong critical = new AtomicLong();
        AtomicInteger succeeded = new AtomicInteger();
        long start = System.nanoTime();
        CompletableFuture<?>[] done = new CompletableFuture<?>[agents.size()];
        for (int i = 0; i < done.length; i++) {
            PreparedAgent agent = agents.get(i);
            done[i] = CompletableFuture.runAsync(() -> {
                long began = System.nanoTime();
                AgentOutcome outcome = agent.runner().start(call()).join();
                critical.accumulateAndGet(System.nanoTime() - began, Math::max);
                if (outcome.succeeded()) {
                    succeeded.incrementAndGet();
                }
            }, pool);
        }
        CompletableFuture.allOf(done).join();
        return new RunSample(System.nanoTime() - start, critical.get(), succeeded.get(), agents.size(),
                succeeded.get() == agents.size());
    }

    /** The agent completes on the JDK's delay scheduler thread, which then wakes the blocked task. */
    static AgentCall call() {
        return new AgentCall("bench", "work", "", "", 1, java.util.Map.of(), Runnable::run);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
