package org.perfect21.bench;

/** Something that runs a workload to its end on the calling thread; thread-safe. */
interface Contender extends AutoCloseable {

    String name();

    RunSample run(Workload workload) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
