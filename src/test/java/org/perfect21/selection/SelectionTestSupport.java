package org.perfect21.selection;

import java.time.Instant;
import java.util.UUID;

import org.perfect21.history.DatabaseTime;
import org.perfect21.testing.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The selection tests' context: the engine with the library of {@code src/test/jobs/selection} (probe agents), and a
 * way to give an agent a history without running it.
 */
@TestPropertySource(properties = "perfect21.jobs-dir=src/test/jobs/selection")
abstract class SelectionTestSupport extends EngineTestSupport {

    @Autowired
    AgentSelector selector;

    /** Records {@code completed} completed and {@code failed} failed results of {@code agent}, each lasting {@code durationMs}, newer than any before. */
    void history(String agent, int completed, int failed, long durationMs) {
        String runId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.update("INSERT INTO P21_RUN (RUN_ID, WORKFLOW, STATUS, CREATED_AT) VALUES (?, 'history', 'COMPLETED', ?)", runId,
                DatabaseTime.utc(now));
        for (int i = 0; i < completed + failed; i++) {
            Instant started = now.plusMillis(i);
            jdbc.update("INSERT INTO P21_AGENT_RESULT (RUN_ID, PHASE_INDEX, AGENT_INDEX, PHASE, AGENT, KIND, STATUS, ATTEMPTS,"
                            + " STARTED_AT, ENDED_AT, DURATION_MS) VALUES (?, 0, ?, 'p', ?, 'probe', ?, 1, ?, ?, ?)", runId, i, agent,
                    i < completed ? "COMPLETED" : "FAILED", DatabaseTime.utc(started), DatabaseTime.utc(started.plusMillis(durationMs)),
                    durationMs);
        }
    }
}
