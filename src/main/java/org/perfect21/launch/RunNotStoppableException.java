package org.perfect21.launch;

/** A stop was asked for a run that is not queued or running here. */
public class RunNotStoppableException extends RuntimeException {

    public RunNotStoppableException(String message) {
        super(message);
    }
}
