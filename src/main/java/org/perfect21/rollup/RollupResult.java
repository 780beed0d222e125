package org.perfect21.rollup;

import java.time.Instant;

/**
 * What one rollup did: the hours it added (from {@code from} to {@code to}, none when equal), the rows it wrote and the
 * rows past retention it deleted.
 */
public record RollupResult(Instant from, Instant to, long hours, long rowsWritten, long rowsDeleted) {
}
