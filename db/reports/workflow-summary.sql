-- title: Workflow summary
-- description: Per workflow, over the runs created in the window: runs (every status), completed, failed, success rate (completed / (completed + failed), a fraction 0..1 with 4 decimals, empty when none of them ended COMPLETED or FAILED) and the p50, p95 and max duration in whole ms (STARTED_AT to ENDED_AT) of the runs that ended (COMPLETED, FAILED or STOPPED). Percentiles interpolate (PERCENTILE_CONT).
-- param: from timestamp = now-7d   # runs created at or after this instant
-- param: to timestamp = now        # runs created before this instant
-- param: workflow text =           # one workflow only; every workflow when not set
SELECT r.WORKFLOW AS workflow,
       COUNT(*) AS runs,
       COUNT(CASE WHEN r.STATUS = 'COMPLETED' THEN 1 END) AS completed,
       COUNT(CASE WHEN r.STATUS = 'FAILED' THEN 1 END) AS failed,
       CAST(1.0 * COUNT(CASE WHEN r.STATUS = 'COMPLETED' THEN 1 END)
            / NULLIF(COUNT(CASE WHEN r.STATUS IN ('COMPLETED', 'FAILED') THEN 1 END), 0) AS DECIMAL(10, 4)) AS success_rate,
       CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.duration_ms) AS DECIMAL(18, 0)) AS p50_ms,
       CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY r.duration_ms) AS DECIMAL(18, 0)) AS p95_ms,
       CAST(MAX(r.duration_ms) AS DECIMAL(18, 0)) AS max_ms
FROM (
    SELECT p.WORKFLOW, p.STATUS,
           -- Null for runs that have not ended (and are left out of the percentiles).
           p.DURATION_MS AS duration_ms
    FROM P21_RUN p
    WHERE p.CREATED_AT >= :from AND p.CREATED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR p.WORKFLOW = :workflow)
) r
GROUP BY r.WORKFLOW
ORDER BY r.WORKFLOW
