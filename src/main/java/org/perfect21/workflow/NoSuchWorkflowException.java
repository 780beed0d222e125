package org.perfect21.workflow;

import java.util.Collection;

/** A launch names a workflow that is not defined in the jobs directory. */
public class NoSuchWorkflowException extends RuntimeException {

    public NoSuchWorkflowException(String name, Collection<String> known) {
        super("unknown workflow '" + name + "' (known: " + String.join(", ", known) + ")");
    }
}
