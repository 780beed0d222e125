package org.perfect21.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunStatus;
import org.perfect21.workflow.WorkflowDefinition;

/**
 * What one run of a workflow costs in counts that do not depend on the machine's speed: SQL statements sent, bytes
 * allocated on the heap, threads started. Each run is measured on its own after warm-up and the medians are kept, so a
 * background flush or a late JIT compilation in one run does not move the figure.
 */
final class RunCosts {

    /** Medians per run. */
    record Costs(double sqlStatements, double bytesAllocated, double threadsCreated) {
    }

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RunCosts() {
    }

    /**
     * Runs the workflow {@code warmUps} times unmeasured (the JIT settles and the agent executor reaches its core size,
     * after which it starts no thread), then {@code runs} times measured.
     */
    static Costs measure(WorkflowRunner runner, WorkflowDefinition workflow, Map<String, Object> params, SqlStatementCounter sql,
                         int warmUps, int runs) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < warmUps; i++) {
            runOnce(runner, workflow, params);
        }
        List<long[]> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long statements = sql.executions();
            long threads = THREADS.getTotalStartedThreadCount();
            long bytes = allocatedByLiveThreads();
            runOnce(runner, workflow, params);
            long allocated = allocatedByLiveThreads() - bytes;
            samples.add(new long[] {sql.executions() - statements, allocated, THREADS.getTotalStartedThreadCount() - threads});
        }
        return new Costs(Stats.median(samples, s -> s[0]), Stats.median(samples, s -> s[1]), Stats.median(samples, s -> s[2]));
    }

    private static void runOnce(WorkflowRunner runner, WorkflowDefinition workflow, Map<String, Object> params) {
        RunStatus status = runner.execute(workflow, params).status();
        if (status != RunStatus.COMPLETED) {
            throw new IllegalStateException(workflow.name() + " ended " + status + " in the gate's cost measurement");
        }
    }

    /**
     * Bytes allocated so far by the threads alive now. A thread that ends between two readings takes its count with it;
     * the pools the engine uses keep their threads, which the threads-created figure checks.
     */
    private static long allocatedByLiveThreads() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }
}
