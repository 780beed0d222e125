-- title: Runs by status
-- description: How many runs of each status were created in the window,
-- optionally of one workflow.
-- param: from timestamp = now-7d   # runs created at or after
-- param: to timestamp = now        # runs created before
-- param: workflow text =           # one workflow only; every workflow when not set
-- param: min_runs integer = 1      # statuses with fewer runs are left out
SELECT r.STATUS AS status, COUNT(*) AS runs, MIN(r.CREATED_AT) AS first_created
FROM P21_RUN r
WHERE r.CREATED_AT >= :from AND r.CREATED_AT < :to
  AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
  -- a comment with a colon: not a parameter
  AND r.ERROR IS DISTINCT FROM 'a literal with :colon; and semicolon'
GROUP BY r.STATUS
HAVING COUNT(*) >= :min_runs
ORDER BY r.STATUS;
