-- title: Gates
-- description: Per workflow and gate (the phase that carries it, by its position in the workflow and its name), over the gate verdicts (phase rows with GATE_PASSED set, one per iteration) of the runs created in the window: verdicts, passed, failed, pass rate (passed / verdicts, a fraction 0..1 with 4 decimals), runs (distinct runs with a verdict), runs_passed (runs whose last verdict, of the highest iteration, passed: a loop that ended well), repeats (verdicts of iteration 2 and later: the gate judged again after a gate sent the work back), max_iteration (the highest iteration judged) and iterations_per_run (verdicts / runs, 2 decimals: 1 for a gate that never ran again). Ordered by workflow, then the phase's position. A phase without a gate, or whose verdict is not decided yet, has no verdict and is not counted.
-- param: from timestamp = now-7d   # runs created at or after this instant
-- param: to timestamp = now        # runs created before this instant
-- param: workflow text =           # one workflow only; every workflow when not set
SELECT g.workflow AS workflow,
       g.phase AS phase,
       SUM(g.verdicts) AS verdicts,
       SUM(g.passed) AS passed,
       SUM(g.verdicts) - SUM(g.passed) AS failed,
       CAST(1.0 * SUM(g.passed) / SUM(g.verdicts) AS DECIMAL(10, 4)) AS pass_rate,
       COUNT(*) AS runs,
       COUNT(CASE WHEN MOD(g.last_verdict, 2) = 1 THEN 1 END) AS runs_passed,
       SUM(g.repeats) AS repeats,
       MAX(g.max_iteration) AS max_iteration,
       CAST(1.0 * SUM(g.verdicts) / COUNT(*) AS DECIMAL(10, 2)) AS iterations_per_run
FROM (
    -- One row per run and gate. last_verdict is 2 * ITERATION, plus 1 when that verdict passed, at its highest: odd
    -- when the last verdict passed (one pass, without a second one to find the highest iteration's verdict).
    SELECT r.WORKFLOW AS workflow, p.PHASE_INDEX AS phase_index, p.PHASE AS phase,
           COUNT(*) AS verdicts,
           COUNT(CASE WHEN p.GATE_PASSED THEN 1 END) AS passed,
           COUNT(CASE WHEN p.ITERATION > 1 THEN 1 END) AS repeats,
           MAX(p.ITERATION) AS max_iteration,
           MAX(2 * p.ITERATION + CASE WHEN p.GATE_PASSED THEN 1 ELSE 0 END) AS last_verdict
    FROM P21_PHASE_RUN p
    JOIN P21_RUN r ON r.RUN_ID = p.RUN_ID
    WHERE r.CREATED_AT >= :from AND r.CREATED_AT < :to
      AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
      AND p.GATE_PASSED IS NOT NULL
    GROUP BY r.WORKFLOW, p.PHASE_INDEX, p.PHASE, p.RUN_ID
) g
GROUP BY g.workflow, g.phase_index, g.phase
ORDER BY g.workflow, g.phase_index, g.phase
