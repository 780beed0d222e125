package org.perfect21.execution;

/** No run has the given id. */
public class NoSuchRunException extends RuntimeException {

    public NoSuchRunException(String runId) {
        super("no run with id '" + runId + "'");
    }
}
