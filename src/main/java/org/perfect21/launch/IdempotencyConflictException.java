package org.perfect21.launch;

/** An idempotency key was used before with a different request (another workflow or other parameters). */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String runId) {
        super("this Idempotency-Key was used for run " + runId + " with a different request; use a new key for a new launch");
    }
}
