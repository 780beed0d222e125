package org.perfect21.selection;

/** A run's recorded choice of agents cannot be taken up: an agent it chose is no longer a candidate of its phase. */
public class RecordedSelectionException extends RuntimeException {

    public RecordedSelectionException(String message) {
        super(message);
    }
}
