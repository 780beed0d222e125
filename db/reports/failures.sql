-- title: Failures
-- description: Failed runs, failed gate verdicts and failed agents that ended in the window (a gate when its phase row ended), newest first; at the same instant a run before its gates and agents, then by phase and iteration, a gate before its phase's agents. kind is run, gate or agent; error is the run's or agent's error, or a gate's first failed check ("check: detail"). phase, agent, attempts and iteration are empty on run rows, agent and attempts on gate rows; iteration is the phase's iteration (1, 2, ...: a gate that sends the work back runs phases again). A failed gate that sent the work back or let the run go on (onFail repeat or continue) does not fail the run: its gate row is the only trace of it here.
-- param: from timestamp = now-7d   # failures that ended at or after this instant
-- param: to timestamp = now        # failures that ended before this instant
-- param: workflow text =           # failures of this workflow's runs only; every workflow when not set
-- param: limit integer = 100       # at most this many rows
--   iteration comes last so that readers of the earlier columns by position keep working.
SELECT f.kind AS kind,
       f.ended_at AS ended_at,
       f.workflow AS workflow,
       f.run_id AS run_id,
       f.phase AS phase,
       f.agent AS agent,
       f.attempts AS attempts,
       f.error AS error,
       f.iteration AS iteration
FROM (
    SELECT 'run' AS kind, r.ENDED_AT AS ended_at, r.WORKFLOW AS workflow, r.RUN_ID AS run_id,
           CAST(NULL AS VARCHAR(200)) AS phase, CAST(NULL AS VARCHAR(200)) AS agent, CAST(NULL AS INT) AS attempts,
           r.ERROR AS error, CAST(NULL AS INT) AS iteration, -1 AS phase_index, 0 AS iteration_order, -1 AS agent_index
    FROM P21_RUN r
    WHERE r.STATUS = 'FAILED' AND r.ENDED_AT >= :from AND r.ENDED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
    UNION ALL
    SELECT 'gate', p.ENDED_AT, r.WORKFLOW, p.RUN_ID, p.PHASE, CAST(NULL AS VARCHAR(200)), CAST(NULL AS INT), p.GATE_FAILURE,
           p.ITERATION, p.PHASE_INDEX, p.ITERATION, -1
    FROM P21_PHASE_RUN p
    JOIN P21_RUN r ON r.RUN_ID = p.RUN_ID
    WHERE p.GATE_PASSED = FALSE AND p.ENDED_AT >= :from AND p.ENDED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
    UNION ALL
    SELECT 'agent', a.ENDED_AT, r.WORKFLOW, a.RUN_ID, a.PHASE, a.AGENT, a.ATTEMPTS, a.ERROR, a.ITERATION, a.PHASE_INDEX,
           a.ITERATION, a.AGENT_INDEX
    FROM P21_AGENT_RESULT a
    JOIN P21_RUN r ON r.RUN_ID = a.RUN_ID
    WHERE a.STATUS = 'FAILED' AND a.ENDED_AT >= :from AND a.ENDED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
) f
ORDER BY f.ended_at DESC, f.run_id, f.phase_index, f.iteration_order, f.agent_index
FETCH FIRST :limit ROWS ONLY
