package org.perfect21.api;

/** The run exists but holds no stored output for the agent (or phase) asked for; answered 404. */
class NoSuchOutputException extends RuntimeException {

    NoSuchOutputException(String message) {
        super(message);
    }
}
