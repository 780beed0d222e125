-- title: Cost and tokens
-- description: Per workflow, agent and model, over the agent results that ended in the window and reported usage (a model, tokens or a cost): executions, runs, the four token counts and the cost in US dollars, summed (empty where no execution reported the figure), and unpriced, the executions with tokens but no cost (a model missing from perfect21.pricing). Most expensive first; unpriced rows last.
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: workflow text =           # this workflow's runs only; every workflow when not set
SELECT r.WORKFLOW AS workflow,
       a.AGENT AS agent,
       COALESCE(a.MODEL, '(unknown)') AS model,
       COUNT(*) AS executions,
       COUNT(DISTINCT a.RUN_ID) AS runs,
       SUM(a.INPUT_TOKENS) AS input_tokens,
       SUM(a.OUTPUT_TOKENS) AS output_tokens,
       SUM(a.CACHE_READ_TOKENS) AS cache_read_tokens,
       SUM(a.CACHE_WRITE_TOKENS) AS cache_write_tokens,
       CAST(SUM(a.COST) AS DECIMAL(14, 6)) AS cost_usd,
       SUM(CASE WHEN a.COST IS NULL THEN 1 ELSE 0 END) AS unpriced
FROM P21_AGENT_RESULT a
JOIN P21_RUN r ON r.RUN_ID = a.RUN_ID
WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :to
  AND (a.MODEL IS NOT NULL OR a.COST IS NOT NULL OR a.INPUT_TOKENS IS NOT NULL OR a.OUTPUT_TOKENS IS NOT NULL)
  AND (CAST(:workflow AS VARCHAR(200)) IS NULL OR r.WORKFLOW = :workflow)
GROUP BY r.WORKFLOW, a.AGENT, COALESCE(a.MODEL, '(unknown)')
ORDER BY cost_usd DESC NULLS LAST, workflow, agent, model
