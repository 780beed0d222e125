package org.perfect21.execution;

/** A restart was asked of a run that completed, or that is still running. */
public class RunNotRestartableException extends RuntimeException {

    public RunNotRestartableException(String message) {
        super(message);
    }
}
