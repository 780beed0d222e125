package org.perfect21.report;

/** No report has this name. */
public class NoSuchReportException extends RuntimeException {

    public NoSuchReportException(String name, String available) {
        super("no report named '" + name + "' (available: " + available + ")");
    }
}
