-- title: Workflow summary
-- description: Per workflow, over the runs created in the window: runs (every status), completed, failed, success rate (completed / (completed + failed), a fraction 0..1 with 4 decimals, empty when none of them ended COMPLETED or FAILED) and the p50, p95 and max duration in whole ms (STARTED_AT to ENDED_AT) of the runs that ended (COMPLETED, FAILED or STOPPED). Percentiles interpolate (PERCENTILE_CONT). Then, over the phase rows of those runs (one per phase and iteration): gate_failures, the failed gate verdicts (GATE_PASSED false, whatever the gate's onFail: a failure that sent the work back or let the run go on counts too), and phase_repeats, the phases run again because a gate sent the work back (rows of iteration 2 and later).
-- param: from timestamp = now-7d   # runs created at or after this instant
-- param: to timestamp = now        # runs created before this instant
-- param: workflow text =           # one workflow only; every workflow when not set
--   The gate columns come last so that readers of the earlier columns by position keep working.
SELECT u.workflow AS workflow,
       COUNT(u.run) AS runs,
       COUNT(CASE WHEN u.status = 'COMPLETED' THEN 1 END) AS completed,
       COUNT(CASE WHEN u.status = 'FAILED' THEN 1 END) AS failed,
       CAST(1.0 * COUNT(CASE WHEN u.status = 'COMPLETED' THEN 1 END)
            / NULLIF(COUNT(CASE WHEN u.status IN ('COMPLETED', 'FAILED') THEN 1 END), 0) AS DECIMAL(10, 4)) AS success_rate,
       CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY u.duration_ms) AS DECIMAL(18, 0)) AS p50_ms,
       CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY u.duration_ms) AS DECIMAL(18, 0)) AS p95_ms,
       CAST(MAX(u.duration_ms) AS DECIMAL(18, 0)) AS max_ms,
       COUNT(u.gate_failure) AS gate_failures,
       COUNT(u.phase_repeat) AS phase_repeats
-- The runs, then the phase rows of theirs that count (a failed verdict, an iteration after the first), one pass each and
-- each part leaving the other's columns null: a join of runs to phase rows would repeat a run once per phase, and a
-- LEFT JOIN to the phase figures by workflow is run again per workflow by H2.
FROM (
    -- duration_ms is null for runs that have not ended (and are left out of the percentiles).
    SELECT p.WORKFLOW AS workflow, 1 AS run, p.STATUS AS status, p.DURATION_MS AS duration_ms,
           CAST(NULL AS INT) AS gate_failure, CAST(NULL AS INT) AS phase_repeat
    FROM P21_RUN p
    WHERE p.CREATED_AT >= :from AND p.CREATED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR p.WORKFLOW = :workflow)
    UNION ALL
    SELECT r.WORKFLOW, NULL, NULL, NULL,
           CASE WHEN g.GATE_PASSED = FALSE THEN 1 END, CASE WHEN g.ITERATION > 1 THEN 1 END
    FROM P21_PHASE_RUN g
    JOIN P21_RUN r ON r.RUN_ID = g.RUN_ID
    WHERE r.CREATED_AT >= :from AND r.CREATED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
      AND (g.GATE_PASSED = FALSE OR g.ITERATION > 1)
) u
GROUP BY u.workflow
ORDER BY u.workflow
