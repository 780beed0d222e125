package org.perfect21.execution.live;

/** Work of a live run that a stop must reach: a partition of a phase with agents in flight. */
@FunctionalInterface
public interface Stoppable {

    /** Starts nothing more and cuts short what runs; what is cut short ends STOPPED. */
    void stop(String reason);
}
