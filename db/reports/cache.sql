-- title: Result cache
-- description: Per agent name, over the cacheable agent executions (CACHE_TIER set) that ended in the window: hits served by the hot, warm and cold tiers, all hits, misses (ran), and the hit rate (hits / (hits + misses), a fraction 0..1 with 4 decimals). A last row, agent '(all agents)', sums every agent listed (zeros and an empty rate when there are none).
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: agent text =              # this agent only; every agent when not set
WITH per_agent AS (
    SELECT a.AGENT AS agent,
           COUNT(CASE WHEN a.CACHE_TIER = 'HOT' THEN 1 END) AS hot,
           COUNT(CASE WHEN a.CACHE_TIER = 'WARM' THEN 1 END) AS warm,
           COUNT(CASE WHEN a.CACHE_TIER = 'COLD' THEN 1 END) AS cold,
           COUNT(CASE WHEN a.CACHE_TIER = 'MISS' THEN 1 END) AS misses
    FROM P21_AGENT_RESULT a
    WHERE a.CACHE_TIER IS NOT NULL AND a.ENDED_AT >= :from AND a.ENDED_AT < :to
      AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
    GROUP BY a.AGENT
),
listed AS (
    SELECT 0 AS total_row, p.agent, p.hot, p.warm, p.cold, p.misses FROM per_agent p
    UNION ALL
    SELECT 1, '(all agents)', CAST(COALESCE(SUM(p.hot), 0) AS BIGINT), CAST(COALESCE(SUM(p.warm), 0) AS BIGINT),
           CAST(COALESCE(SUM(p.cold), 0) AS BIGINT), CAST(COALESCE(SUM(p.misses), 0) AS BIGINT)
    FROM per_agent p
)
SELECT l.agent AS agent,
       l.hot AS hot,
       l.warm AS warm,
       l.cold AS cold,
       l.hot + l.warm + l.cold AS hits,
       l.misses AS misses,
       CAST(1.0 * (l.hot + l.warm + l.cold) / NULLIF(l.hot + l.warm + l.cold + l.misses, 0) AS DECIMAL(10, 4)) AS hit_rate
FROM listed l
ORDER BY l.total_row, l.agent
