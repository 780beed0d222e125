package org.perfect21.api.problem;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit; answered 413. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The {@code BodyTooLargeException} somewhere in the causes of {@code failure}, or null. */
    static BodyTooLargeException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
