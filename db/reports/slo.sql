-- title: Service level objectives
-- description: Each SLO against its target over what ended in the window, one row each: agent p95 duration below agent_p95_ms (COMPLETED and FAILED agents), p95 duration of 5-agent runs below run5_p95_ms (COMPLETED and FAILED runs whose phases have 5 agents in all), run success rate (completed / (completed + failed)) at or above success_rate, cache hit rate (hits / cacheable agent results, CACHE_TIER set) at or above cache_hit_rate. measured is whole ms or a fraction with 4 decimals, and the verdict (PASS, FAIL, or NO DATA when nothing was sampled) compares it as shown. Percentiles interpolate (PERCENTILE_CONT).
--   Whole UTC hours that the rollup job has added are read from the hourly rollups, the rest of the window from the agent
--   results, as in agent-performance: counts are exact, and the agent p95 over rolled-up hours is off by at most 6.25 %.
-- param: from timestamp = now-7d          # what ended at or after this instant
-- param: to timestamp = now               # what ended before this instant
-- param: agent_p95_ms integer = 800       # agent p95 duration must stay below this (ms)
-- param: run5_p95_ms integer = 1500       # p95 duration of runs with 5 agents must stay below this (ms)
-- param: success_rate number = 0.95       # run success rate must be at least this
-- param: cache_hit_rate number = 0.85     # cache hit rate must be at least this
-- window: from, to
--   :rollup_from and :rollup_to are not parameters a caller gives: the runner sets them once a run to the window's whole
--   UTC hours that the rollups hold, from the first whole hour at or after :from to the last whole hour at or before :to,
--   or P21_ROLLUP.ROLLED_TO (NAME 'hourly') if earlier; both to :to when that leaves no hour. By hand: any whole UTC
--   hours with :from <= :rollup_from <= :rollup_to <= :to and :rollup_to <= ROLLED_TO give the same counts and rates;
--   :rollup_from = :rollup_to = :to reads the agent results only (an exact agent p95). See src/docs/reports.md.
SELECT s.slo AS slo,
       s.objective AS objective,
       CAST(CASE s.position WHEN 1 THEN :agent_p95_ms WHEN 2 THEN :run5_p95_ms WHEN 3 THEN :success_rate
            ELSE :cache_hit_rate END AS DOUBLE PRECISION) AS target,
       CAST(CASE s.position WHEN 1 THEN a.p95_ms WHEN 2 THEN r.run5_p95_ms WHEN 3 THEN r.success_rate
            ELSE a.cache_hit_rate END AS DOUBLE PRECISION) AS measured,
       CASE s.position WHEN 1 THEN a.samples WHEN 2 THEN r.run5_samples WHEN 3 THEN r.samples ELSE a.cache_samples END
           AS samples,
       CASE
           WHEN (CASE s.position WHEN 1 THEN a.samples WHEN 2 THEN r.run5_samples WHEN 3 THEN r.samples
                 ELSE a.cache_samples END) = 0 THEN 'NO DATA'
           WHEN s.position = 1 AND a.p95_ms < CAST(:agent_p95_ms AS DECIMAL(18, 4)) THEN 'PASS'
           WHEN s.position = 2 AND r.run5_p95_ms < CAST(:run5_p95_ms AS DECIMAL(18, 4)) THEN 'PASS'
           WHEN s.position = 3 AND r.success_rate >= CAST(:success_rate AS DECIMAL(18, 4)) THEN 'PASS'
           WHEN s.position = 4 AND a.cache_hit_rate >= CAST(:cache_hit_rate AS DECIMAL(18, 4)) THEN 'PASS'
           ELSE 'FAIL'
       END AS verdict
-- One pass over the agent results and one over the runs, each a single row, crossed with the four SLOs. Derived tables
-- on the outer side of the joins, not WITH: H2 evaluates them once there, and H2 2.4 can reuse a session's last result
-- of a WITH query built on parameterized parts even when the parameters changed.
FROM (
    -- The agent figures: the p95 duration of COMPLETED and FAILED agents (the duration at the ranks either side of
    -- PERCENTILE_CONT's, from the running count over duration buckets, as in agent-performance) and the cache counts.
    SELECT COALESCE(MAX(c.total), 0) AS samples,
           CAST(MIN(CASE WHEN c.cum - c.n <= FLOOR(0.95 * (c.total - 1)) AND FLOOR(0.95 * (c.total - 1)) < c.cum
                         THEN c.low + (c.high - c.low) * (FLOOR(0.95 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END)
                + (MAX(0.95 * (c.total - 1)) - FLOOR(MAX(0.95 * (c.total - 1))))
                * (MIN(CASE WHEN c.cum - c.n <= CEILING(0.95 * (c.total - 1)) AND CEILING(0.95 * (c.total - 1)) < c.cum
                            THEN c.low + (c.high - c.low) * (CEILING(0.95 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END)
                   - MIN(CASE WHEN c.cum - c.n <= FLOOR(0.95 * (c.total - 1)) AND FLOOR(0.95 * (c.total - 1)) < c.cum
                              THEN c.low + (c.high - c.low) * (FLOOR(0.95 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END))
                AS DECIMAL(18, 0)) AS p95_ms,
           COALESCE(SUM(c.cached), 0) AS cache_samples,
           CAST(1.0 * SUM(c.hits) / NULLIF(SUM(c.cached), 0) AS DECIMAL(10, 4)) AS cache_hit_rate
    FROM (
        SELECT g.*,
               SUM(g.n) OVER (ORDER BY g.low, g.high ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
               SUM(g.n) OVER () AS total
        FROM (
            SELECT u.low, u.high, SUM(u.n) AS n, SUM(u.cached) AS cached, SUM(u.hits) AS hits
            FROM (
                -- The window's whole rolled-up hours [rollup_from, rollup_to) from the rollups, [from, rollup_from) and
                -- [rollup_to, to) from the agent results (see the header); each part reads one index range.
                SELECT CAST(NULL AS BIGINT) AS low, CAST(NULL AS BIGINT) AS high, CAST(NULL AS BIGINT) AS n,
                       SUM(CASE WHEN h.CACHE_TIER <> 'NONE' THEN h.EXECUTIONS ELSE 0 END) AS cached,
                       SUM(CASE WHEN h.CACHE_TIER IN ('HOT', 'WARM', 'COLD') THEN h.EXECUTIONS ELSE 0 END) AS hits
                FROM P21_AGENT_HOURLY h
                WHERE h.HOUR_START >= :rollup_from AND h.HOUR_START < :rollup_to
                UNION ALL
                SELECT d.BUCKET_LOW, d.BUCKET_HIGH, SUM(d.SAMPLES), 0, 0
                FROM P21_AGENT_DURATION_HOURLY d
                WHERE d.HOUR_START >= :rollup_from AND d.HOUR_START < :rollup_to AND d.STATUS IN ('COMPLETED', 'FAILED')
                GROUP BY d.BUCKET_LOW, d.BUCKET_HIGH
                UNION ALL
                SELECT CASE WHEN a.STATUS IN ('COMPLETED', 'FAILED') THEN a.DURATION_MS END,
                       CASE WHEN a.STATUS IN ('COMPLETED', 'FAILED') THEN a.DURATION_MS END,
                       CASE WHEN a.STATUS IN ('COMPLETED', 'FAILED') AND a.DURATION_MS IS NOT NULL THEN 1 END,
                       CASE WHEN a.CACHE_TIER IS NOT NULL THEN 1 ELSE 0 END,
                       CASE WHEN a.CACHE_TIER IN ('HOT', 'WARM', 'COLD') THEN 1 ELSE 0 END
                FROM P21_AGENT_RESULT a
                WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :rollup_from
                UNION ALL
                SELECT CASE WHEN a.STATUS IN ('COMPLETED', 'FAILED') THEN a.DURATION_MS END,
                       CASE WHEN a.STATUS IN ('COMPLETED', 'FAILED') THEN a.DURATION_MS END,
                       CASE WHEN a.STATUS IN ('COMPLETED', 'FAILED') AND a.DURATION_MS IS NOT NULL THEN 1 END,
                       CASE WHEN a.CACHE_TIER IS NOT NULL THEN 1 ELSE 0 END,
                       CASE WHEN a.CACHE_TIER IN ('HOT', 'WARM', 'COLD') THEN 1 ELSE 0 END
                FROM P21_AGENT_RESULT a
                WHERE a.ENDED_AT >= :rollup_to AND a.ENDED_AT < :to
            ) u
            GROUP BY u.low, u.high
        ) g
    ) c
) a
CROSS JOIN (
    -- The run figures: runs that ended COMPLETED or FAILED. The status is tested in the aggregates, not the WHERE, so
    -- that the ENDED_AT range is the only condition and the covering index by end time (V10) answers it alone.
    SELECT COUNT(CASE WHEN y.STATUS IN ('COMPLETED', 'FAILED') THEN 1 END) AS samples,
           CAST(1.0 * COUNT(CASE WHEN y.STATUS = 'COMPLETED' THEN 1 END)
                / NULLIF(COUNT(CASE WHEN y.STATUS IN ('COMPLETED', 'FAILED') THEN 1 END), 0) AS DECIMAL(10, 4)) AS success_rate,
           COUNT(CASE WHEN y.STATUS IN ('COMPLETED', 'FAILED') AND y.AGENTS = 5 THEN y.DURATION_MS END) AS run5_samples,
           CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (
               ORDER BY CASE WHEN y.STATUS IN ('COMPLETED', 'FAILED') AND y.AGENTS = 5 THEN y.DURATION_MS END) AS DECIMAL(18, 0))
               AS run5_p95_ms
    FROM P21_RUN y
    WHERE y.ENDED_AT >= :from AND y.ENDED_AT < :to
) r
CROSS JOIN (
    SELECT 1 AS position, 'agent_p95_ms' AS slo, 'below' AS objective
    UNION ALL SELECT 2, 'run5_p95_ms', 'below'
    UNION ALL SELECT 3, 'success_rate', 'at least'
    UNION ALL SELECT 4, 'cache_hit_rate', 'at least'
) s
ORDER BY s.position
