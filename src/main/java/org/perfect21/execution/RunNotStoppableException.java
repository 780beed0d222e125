package org.perfect21.execution;

/** A stop was asked for a run that is not queued or running here. */
public class RunNotStoppableException extends RuntimeException {

    public RunNotStoppableException(String message) {
        super(message);
    }
}
