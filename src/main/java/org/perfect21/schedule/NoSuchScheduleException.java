package org.perfect21.schedule;

/** No workflow of this name has a schedule. */
public class NoSuchScheduleException extends RuntimeException {

    public NoSuchScheduleException(String workflow) {
        super("workflow '" + workflow + "' has no schedule");
    }
}
