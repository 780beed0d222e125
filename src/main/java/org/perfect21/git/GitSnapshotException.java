package org.perfect21.git;

/** A snapshot could not be taken of a repository that exists: an unknown base ref, an unreadable object. */
public class GitSnapshotException extends RuntimeException {

    public GitSnapshotException(String message) {
        super(message);
    }

    public GitSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
