package org.perfect21.bench;

/** Something that runs a workload to its end on the calling thread; thread-safe. */
interface Contender extends AutoCloseable {

    String name();

    RunSample run(Workload workload) throws Exception;

    /** Runs the workload for a throughput window: only whether it completed matters. */
    default boolean runToEnd(Workload workload) throws Exception {
        return run(workload).completed();
    }

    @Override
    default void close() throws Exception {
    }
}
