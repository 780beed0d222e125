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
FROM (
    -- Each (agent, tier) count twice: once under its agent (total_row 0), once under '(all agents)' (total_row 1).
    -- The left join keeps the total row when no agent has rows.
    SELECT k.total_row AS total_row,
           CASE WHEN k.total_row = 0 THEN g.agent ELSE '(all agents)' END AS agent,
           CAST(COALESCE(SUM(CASE WHEN g.tier = 'HOT' THEN g.n END), 0) AS BIGINT) AS hot,
           CAST(COALESCE(SUM(CASE WHEN g.tier = 'WARM' THEN g.n END), 0) AS BIGINT) AS warm,
           CAST(COALESCE(SUM(CASE WHEN g.tier = 'COLD' THEN g.n END), 0) AS BIGINT) AS cold,
           CAST(COALESCE(SUM(CASE WHEN g.tier = 'MISS' THEN g.n END), 0) AS BIGINT) AS misses
    FROM (SELECT 0 AS total_row UNION ALL SELECT 1) k
    LEFT JOIN (
        -- One pass over the agent results: a count per agent and tier.
        SELECT a.AGENT AS agent, a.CACHE_TIER AS tier, COUNT(*) AS n
        FROM P21_AGENT_RESULT a
        WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :to AND a.CACHE_TIER IS NOT NULL
          AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
        GROUP BY a.AGENT, a.CACHE_TIER
    ) g ON 1 = 1
    GROUP BY k.total_row, CASE WHEN k.total_row = 0 THEN g.agent ELSE '(all agents)' END
    HAVING k.total_row = 1 OR COUNT(g.agent) > 0
) t
-- Derived tables, not WITH: H2 2.4 can reuse a session's last result of a WITH query built on parameterized parts
-- even when the parameters changed (seen with the same SQL run twice on one connection).
ORDER BY t.total_row, t.agent
