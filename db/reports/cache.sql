-- title: Result cache
-- description: Per agent name, over the cacheable agent executions (CACHE_TIER set) that ended in the window: hits served by the hot, warm and cold tiers, all hits, misses (ran), and the hit rate (hits / (hits + misses), a fraction 0..1 with 4 decimals). A last row, agent '(all agents)', sums every agent listed (zeros and an empty rate when there are none).
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: agent text =              # this agent only; every agent when not set
SELECT t.agent AS agent,
       t.hot AS hot,
       t.warm AS warm,
       t.cold AS cold,
       t.hot + t.warm + t.cold AS hits,
       t.misses AS misses,
       CAST(1.0 * (t.hot + t.warm + t.cold) / NULLIF(t.hot + t.warm + t.cold + t.misses, 0) AS DECIMAL(10, 4)) AS hit_rate
-- Derived tables, not WITH: H2 2.4 reuses a session's last result of a WITH query whose parts are a UNION over other
-- parameterized WITH queries, even when the parameters changed (seen with the same SQL run twice on one connection).
FROM (
    SELECT 0 AS total_row, a.AGENT AS agent,
           COUNT(CASE WHEN a.CACHE_TIER = 'HOT' THEN 1 END) AS hot,
           COUNT(CASE WHEN a.CACHE_TIER = 'WARM' THEN 1 END) AS warm,
           COUNT(CASE WHEN a.CACHE_TIER = 'COLD' THEN 1 END) AS cold,
           COUNT(CASE WHEN a.CACHE_TIER = 'MISS' THEN 1 END) AS misses
    FROM P21_AGENT_RESULT a
    WHERE a.CACHE_TIER IS NOT NULL AND a.ENDED_AT >= :from AND a.ENDED_AT < :to
      AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
    GROUP BY a.AGENT
    UNION ALL
    -- The same rows without GROUP BY: one row even when there are none.
    SELECT 1, '(all agents)',
           COUNT(CASE WHEN a.CACHE_TIER = 'HOT' THEN 1 END),
           COUNT(CASE WHEN a.CACHE_TIER = 'WARM' THEN 1 END),
           COUNT(CASE WHEN a.CACHE_TIER = 'COLD' THEN 1 END),
           COUNT(CASE WHEN a.CACHE_TIER = 'MISS' THEN 1 END)
    FROM P21_AGENT_RESULT a
    WHERE a.CACHE_TIER IS NOT NULL AND a.ENDED_AT >= :from AND a.ENDED_AT < :to
      AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
) t
ORDER BY t.total_row, t.agent
