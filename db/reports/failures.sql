-- title: Failures
-- description: Failed runs and failed agents that ended in the window, newest first (a run before its agents when they ended together), with their error. kind is run or agent; phase, agent and attempts are empty on run rows.
-- param: from timestamp = now-7d   # failures that ended at or after this instant
-- param: to timestamp = now        # failures that ended before this instant
-- param: workflow text =           # failures of this workflow's runs only; every workflow when not set
-- param: limit integer = 100       # at most this many rows
SELECT f.kind AS kind,
       f.ended_at AS ended_at,
       f.workflow AS workflow,
       f.run_id AS run_id,
       f.phase AS phase,
       f.agent AS agent,
       f.attempts AS attempts,
       f.error AS error
FROM (
    SELECT 'run' AS kind, r.ENDED_AT AS ended_at, r.WORKFLOW AS workflow, r.RUN_ID AS run_id,
           CAST(NULL AS VARCHAR(200)) AS phase, CAST(NULL AS VARCHAR(200)) AS agent, CAST(NULL AS INT) AS attempts,
           r.ERROR AS error, -1 AS phase_index, -1 AS agent_index
    FROM P21_RUN r
    WHERE r.STATUS = 'FAILED' AND r.ENDED_AT >= :from AND r.ENDED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
    UNION ALL
    SELECT 'agent', a.ENDED_AT, r.WORKFLOW, a.RUN_ID, a.PHASE, a.AGENT, a.ATTEMPTS, a.ERROR, a.PHASE_INDEX, a.AGENT_INDEX
    FROM P21_AGENT_RESULT a
    JOIN P21_RUN r ON r.RUN_ID = a.RUN_ID
    WHERE a.STATUS = 'FAILED' AND a.ENDED_AT >= :from AND a.ENDED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
) f
ORDER BY f.ended_at DESC, f.run_id, f.phase_index, f.agent_index
FETCH FIRST :limit ROWS ONLY
