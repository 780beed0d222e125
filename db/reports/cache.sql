-- title: Result cache
-- description: Per agent name, over the cacheable agent executions (CACHE_TIER set) that ended in the window: hits served by the hot, warm and cold tiers, all hits, misses (ran), and the hit rate (hits / (hits + misses), a fraction 0..1 with 4 decimals). A last row, agent '(all agents)', sums every agent listed (zeros and an empty rate when there are none).
--   Whole UTC hours that the rollup job has added are read from the hourly rollups, the rest of the window from the agent
--   results; the counts are exact either way.
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: agent text =              # this agent only; every agent when not set
-- window: from, to
--   :rollup_from and :rollup_to are not parameters a caller gives: the runner sets them once a run to the window's whole
--   UTC hours that the rollups hold, from the first whole hour at or after :from to the last whole hour at or before :to,
--   or P21_ROLLUP.ROLLED_TO (NAME 'hourly') if earlier; both to :to when that leaves no hour. By hand: any whole UTC
--   hours with :from <= :rollup_from <= :rollup_to <= :to and :rollup_to <= ROLLED_TO give the same rows;
--   :rollup_from = :rollup_to = :to reads the agent results only. See src/docs/reports.md.
SELECT t.agent AS agent,
       t.hot AS hot,
       t.warm AS warm,
       t.cold AS cold,
       t.hot + t.warm + t.cold AS hits,
       t.misses AS misses,
       CAST(1.0 * (t.hot + t.warm + t.cold) / NULLIF(t.hot + t.warm + t.cold + t.misses, 0) AS DECIMAL(10, 4)) AS hit_rate
FROM (
    -- Each (agent, tier) count twice: once under its agent (total_row 0), once under '(all agents)' (total_row 1).
    SELECT k.total_row AS total_row,
           CASE WHEN k.total_row = 0 THEN g.agent ELSE '(all agents)' END AS agent,
           CAST(SUM(CASE WHEN g.tier = 'HOT' THEN g.n ELSE 0 END) AS BIGINT) AS hot,
           CAST(SUM(CASE WHEN g.tier = 'WARM' THEN g.n ELSE 0 END) AS BIGINT) AS warm,
           CAST(SUM(CASE WHEN g.tier = 'COLD' THEN g.n ELSE 0 END) AS BIGINT) AS cold,
           CAST(SUM(CASE WHEN g.tier = 'MISS' THEN g.n ELSE 0 END) AS BIGINT) AS misses
    -- The agent results are read once: the counts are the outer side of the join (H2 evaluates a derived table on
    -- the inner side once per outer row). Their placeholder row (no agent, count 0) keeps the total row when no agent
    -- has rows, and is left out of the per-agent rows.
    FROM (
        SELECT u.agent, u.tier, SUM(u.n) AS n
        FROM (
            -- The window's whole rolled-up hours [rollup_from, rollup_to) from the hourly counters, [from, rollup_from)
            -- and [rollup_to, to) from the agent results (see the header); each part reads one index range.
            SELECT h.AGENT AS agent, h.CACHE_TIER AS tier, h.EXECUTIONS AS n
            FROM P21_AGENT_HOURLY h
            WHERE h.HOUR_START >= :rollup_from AND h.HOUR_START < :rollup_to
              AND h.CACHE_TIER <> 'NONE' AND (CAST(:agent AS VARCHAR(200)) IS NULL OR h.AGENT = :agent)
            UNION ALL
            SELECT a.AGENT, a.CACHE_TIER, 1
            FROM P21_AGENT_RESULT a
            WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :rollup_from
              AND a.CACHE_TIER IS NOT NULL AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
            UNION ALL
            SELECT a.AGENT, a.CACHE_TIER, 1
            FROM P21_AGENT_RESULT a
            WHERE a.ENDED_AT >= :rollup_to AND a.ENDED_AT < :to
              AND a.CACHE_TIER IS NOT NULL AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
        ) u
        GROUP BY u.agent, u.tier
        UNION ALL
        SELECT CAST(NULL AS VARCHAR(200)), CAST(NULL AS VARCHAR(10)), 0
    ) g
    CROSS JOIN (SELECT 0 AS total_row UNION ALL SELECT 1) k
    WHERE k.total_row = 1 OR g.agent IS NOT NULL
    GROUP BY k.total_row, CASE WHEN k.total_row = 0 THEN g.agent ELSE '(all agents)' END
) t
-- Derived tables, not WITH: H2 2.4 can reuse a session's last result of a WITH query built on parameterized parts
-- even when the parameters changed (seen with the same SQL run twice on one connection).
ORDER BY t.total_row, t.agent
