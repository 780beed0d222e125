-- title: Agent performance
-- description: Per agent name (over every workflow using it), over the agent executions that ended in the window (COMPLETED, FAILED or STOPPED): executions, failure rate (FAILED / executions, a fraction 0..1 with 4 decimals), p50 and p95 of DURATION_MS in whole ms (interpolated), mean output bytes (whole bytes) and attempts per execution (2 decimals).
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: workflow text =           # agents of this workflow's runs only; every workflow when not set
-- param: agent text =              # this agent only; every agent when not set
SELECT a.AGENT AS agent,
       COUNT(*) AS executions,
       CAST(1.0 * COUNT(CASE WHEN a.STATUS = 'FAILED' THEN 1 END) / COUNT(*) AS DECIMAL(10, 4)) AS failure_rate,
       CAST(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.DURATION_MS) AS DECIMAL(18, 0)) AS p50_ms,
       CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY a.DURATION_MS) AS DECIMAL(18, 0)) AS p95_ms,
       CAST(1.0 * SUM(a.OUTPUT_BYTES) / COUNT(a.OUTPUT_BYTES) AS DECIMAL(18, 0)) AS mean_output_bytes,
       CAST(1.0 * SUM(a.ATTEMPTS) / COUNT(*) AS DECIMAL(10, 2)) AS attempts_per_execution
FROM P21_AGENT_RESULT a
WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :to
  AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
  AND (CAST(:workflow AS VARCHAR(200)) IS NULL
       OR a.RUN_ID IN (SELECT r.RUN_ID FROM P21_RUN r WHERE r.WORKFLOW = :workflow))
GROUP BY a.AGENT
ORDER BY a.AGENT
