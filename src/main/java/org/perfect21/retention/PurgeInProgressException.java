package org.perfect21.retention;

/** A purge was asked for while another one runs in this process. */
public class PurgeInProgressException extends RuntimeException {

    public PurgeInProgressException() {
        super("a purge of the run history is already running; try again when it has ended");
    }
}
