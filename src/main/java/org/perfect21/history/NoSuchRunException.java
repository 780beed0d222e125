package org.perfect21.history;

/** No run has the given id. */
public class NoSuchRunException extends RuntimeException {

    public NoSuchRunException(String runId) {
        super("no run with id '" + runId + "'");
    }
}
