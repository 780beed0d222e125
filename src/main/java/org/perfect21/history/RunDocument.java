package org.perfect21.history;

import java.time.Instant;
import java.util.List;

/**
 * A run as the CLI's {@code --json} and the REST API show it. Later versions may add fields, never
 * remove or rename them.
 */
public record RunDocument(String runId, String workflow, String status, Instant startedAt, Instant endedAt,
                          Long durationMs, String error, List<Phase> phases) {

    /** One phase of the run. */
    public record Phase(String name, String status, Long durationMs, int succeeded, int failed, int required,
                        List<Agent> agents) {
    }

    /** One agent of a phase. */
    public record Agent(String agent, String status, Instant startedAt, Instant endedAt, Long durationMs,
                        int attempts, long outputBytes, boolean outputTruncated, String error) {
    }
}
