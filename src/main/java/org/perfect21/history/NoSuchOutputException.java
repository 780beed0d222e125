package org.perfect21.history;

/** The run exists but holds no stored output for the agent (or phase, or iteration) asked for. */
public class NoSuchOutputException extends RuntimeException {

    public NoSuchOutputException(String message) {
        super(message);
    }
}
