package org.perfect21.report;

/** A report file that cannot be used; the message names the file and line. */
public class InvalidReportException extends RuntimeException {

    public InvalidReportException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
