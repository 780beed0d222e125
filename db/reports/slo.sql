-- title: Service level objectives
-- description: Each SLO against its target over what ended in the window, one row each: agent p95 duration below agent_p95_ms (COMPLETED and FAILED agents), p95 duration of 5-agent runs below run5_p95_ms (COMPLETED and FAILED runs whose phases have 5 agents in all), run success rate (completed / (completed + failed)) at or above success_rate, cache hit rate (hits / cacheable agent results, CACHE_TIER set) at or above cache_hit_rate. measured is whole ms or a fraction with 4 decimals, and the verdict (PASS, FAIL, or NO DATA when nothing was sampled) compares it as shown. Percentiles interpolate (PERCENTILE_CONT).
-- param: from timestamp = now-7d          # what ended at or after this instant
-- param: to timestamp = now               # what ended before this instant
-- param: agent_p95_ms integer = 800       # agent p95 duration must stay below this (ms)
-- param: run5_p95_ms integer = 1500       # p95 duration of runs with 5 agents must stay below this (ms)
-- param: success_rate number = 0.95       # run success rate must be at least this
-- param: cache_hit_rate number = 0.85     # cache hit rate must be at least this
SELECT s.slo AS slo,
       s.objective AS objective,
       s.target AS target,
       s.measured AS measured,
       s.samples AS samples,
       s.verdict AS verdict
-- Derived tables, not WITH: H2 2.4 reuses a session's last result of a WITH query whose parts are a UNION over other
-- parameterized WITH queries, even when the parameters changed (seen with the same SQL run twice on one connection).
FROM (
    SELECT 1 AS position, 'agent_p95_ms' AS slo, 'below' AS objective, CAST(:agent_p95_ms AS DOUBLE PRECISION) AS target,
           CAST(m.measured AS DOUBLE PRECISION) AS measured, m.samples AS samples,
           CASE WHEN m.samples = 0 THEN 'NO DATA' WHEN m.measured < CAST(:agent_p95_ms AS DECIMAL(18, 4)) THEN 'PASS' ELSE 'FAIL' END
               AS verdict
    FROM (
        SELECT COUNT(a.DURATION_MS) AS samples,
               CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY a.DURATION_MS) AS DECIMAL(18, 0)) AS measured
        FROM P21_AGENT_RESULT a
        WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :to AND a.STATUS IN ('COMPLETED', 'FAILED')
    ) m
    UNION ALL
    SELECT 2, 'run5_p95_ms', 'below', CAST(:run5_p95_ms AS DOUBLE PRECISION), CAST(m.measured AS DOUBLE PRECISION), m.samples,
           CASE WHEN m.samples = 0 THEN 'NO DATA' WHEN m.measured < CAST(:run5_p95_ms AS DECIMAL(18, 4)) THEN 'PASS' ELSE 'FAIL' END
    FROM (
        SELECT COUNT(*) AS samples,
               CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (
                   ORDER BY (EXTRACT(EPOCH FROM r.ENDED_AT) - EXTRACT(EPOCH FROM r.STARTED_AT)) * 1000) AS DECIMAL(18, 0)) AS measured
        FROM P21_RUN r
        WHERE r.ENDED_AT >= :from AND r.ENDED_AT < :to AND r.STATUS IN ('COMPLETED', 'FAILED') AND r.STARTED_AT IS NOT NULL
          AND (SELECT SUM(p.AGENTS) FROM P21_PHASE_RUN p WHERE p.RUN_ID = r.RUN_ID) = 5
    ) m
    UNION ALL
    SELECT 3, 'success_rate', 'at least', CAST(:success_rate AS DOUBLE PRECISION), CAST(m.measured AS DOUBLE PRECISION), m.samples,
           CASE WHEN m.samples = 0 THEN 'NO DATA' WHEN m.measured >= CAST(:success_rate AS DECIMAL(18, 4)) THEN 'PASS' ELSE 'FAIL' END
    FROM (
        SELECT COUNT(*) AS samples,
               CAST(1.0 * COUNT(CASE WHEN r.STATUS = 'COMPLETED' THEN 1 END) / NULLIF(COUNT(*), 0) AS DECIMAL(10, 4)) AS measured
        FROM P21_RUN r
        WHERE r.ENDED_AT >= :from AND r.ENDED_AT < :to AND r.STATUS IN ('COMPLETED', 'FAILED')
    ) m
    UNION ALL
    SELECT 4, 'cache_hit_rate', 'at least', CAST(:cache_hit_rate AS DOUBLE PRECISION), CAST(m.measured AS DOUBLE PRECISION),
           m.samples,
           CASE WHEN m.samples = 0 THEN 'NO DATA' WHEN m.measured >= CAST(:cache_hit_rate AS DECIMAL(18, 4)) THEN 'PASS' ELSE 'FAIL' END
    FROM (
        SELECT COUNT(*) AS samples,
               CAST(1.0 * COUNT(CASE WHEN a.CACHE_TIER IN ('HOT', 'WARM', 'COLD') THEN 1 END) / NULLIF(COUNT(*), 0)
                    AS DECIMAL(10, 4)) AS measured
        FROM P21_AGENT_RESULT a
        WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :to AND a.CACHE_TIER IS NOT NULL
    ) m
) s
ORDER BY s.position
