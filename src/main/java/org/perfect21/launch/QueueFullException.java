package org.perfect21.launch;

/** The launch queue is at capacity; the launch was not recorded. */
public class QueueFullException extends RuntimeException {

    private final long retryAfterSeconds;

    public QueueFullException(int capacity, long retryAfterSeconds) {
        super("the launch queue is full (" + capacity + " runs waiting); retry in about " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A hint, from how fast queued runs have been starting lately. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
