package org.perfect21.git;

/** The path given for a snapshot is not inside a git work tree (nor a git directory). */
public class NotARepositoryException extends RuntimeException {

    public NotARepositoryException(String message) {
        super(message);
    }
}
