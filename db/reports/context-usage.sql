-- title: Context usage
-- description: Per workflow, over the runs created in the window that have a run context: runs, mean and max context bytes held at the end (BYTES; mean in whole bytes), the largest context any run reached (PEAK_BYTES), the largest budget, mean (2 decimals) and max evictions, and runs that hit their budget (an entry evicted or an output cut).
-- param: from timestamp = now-7d   # runs created at or after this instant
-- param: to timestamp = now        # runs created before this instant
-- param: workflow text =           # one workflow only; every workflow when not set
SELECT r.WORKFLOW AS workflow,
       COUNT(*) AS runs,
       CAST(1.0 * SUM(c.BYTES) / COUNT(*) AS DECIMAL(18, 0)) AS mean_bytes,
       MAX(c.BYTES) AS max_bytes,
       MAX(c.PEAK_BYTES) AS peak_bytes,
       MAX(c.BUDGET_BYTES) AS budget_bytes,
       CAST(1.0 * SUM(c.EVICTIONS) / COUNT(*) AS DECIMAL(10, 2)) AS mean_evictions,
       MAX(c.EVICTIONS) AS max_evictions,
       COUNT(CASE WHEN c.EVICTIONS > 0 OR c.CUTS > 0 THEN 1 END) AS runs_at_budget
FROM P21_RUN_CONTEXT c
JOIN P21_RUN r ON r.RUN_ID = c.RUN_ID
WHERE r.CREATED_AT >= :from AND r.CREATED_AT < :to
  AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
GROUP BY r.WORKFLOW
ORDER BY r.WORKFLOW
