package org.perfect21.retention;

import java.time.Instant;
import java.util.Map;

/**
 * One purge of the run history, as recorded in {@code P21_PURGE}. For a dry run the counts are what would
 * have been deleted. Later versions may add fields, never remove or rename them.
 *
 * @param trigger     what started it: schedule, api or cli
 * @param endedAt     null while it runs, or when its process died before it ended
 * @param cutoff      terminal runs that ended before this instant go
 * @param maxRuns     terminal runs older than the newest this many runs go
 * @param runsDeleted runs deleted (or that would be)
 * @param rowsDeleted rows deleted in all tables together, the runs' own rows included
 * @param rowsByTable rows deleted per table, in deletion order
 * @param error       why it stopped early; the batches before the failure stay deleted
 */
public record PurgeReport(long id, String trigger, boolean dryRun, Instant startedAt, Instant endedAt, Long durationMs,
                          Instant cutoff, int maxRuns, long runsDeleted, long rowsDeleted, Map<String, Long> rowsByTable,
                          String error) {
}
