-- title: Agent performance
-- description: Per agent name (over every workflow using it), over the agent executions that ended in the window (COMPLETED, FAILED or STOPPED): executions, failure rate (FAILED / executions, a fraction 0..1 with 4 decimals), p50 and p95 of DURATION_MS in whole ms (interpolated), mean output bytes (whole bytes) and attempts per execution (2 decimals).
--   Whole UTC hours that the rollup job has added are read from the hourly rollups, the rest of the window from the agent
--   results. Counts and sums are exact either way; percentiles are exact over agent results (as PERCENTILE_CONT) and,
--   over rolled-up hours, placed inside a duration bucket, off by at most 6.25 %.
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: agent text =              # this agent only; every agent when not set
SELECT p.agent AS agent,
       p.executions AS executions,
       CAST(1.0 * p.failures / p.executions AS DECIMAL(10, 4)) AS failure_rate,
       CAST(p.p50_low + (p.r50 - FLOOR(p.r50)) * (p.p50_high - p.p50_low) AS DECIMAL(18, 0)) AS p50_ms,
       CAST(p.p95_low + (p.r95 - FLOOR(p.r95)) * (p.p95_high - p.p95_low) AS DECIMAL(18, 0)) AS p95_ms,
       CAST(1.0 * p.output_bytes / NULLIF(p.outputs, 0) AS DECIMAL(18, 0)) AS mean_output_bytes,
       CAST(1.0 * p.attempts / p.executions AS DECIMAL(10, 2)) AS attempts_per_execution
FROM (
    -- Per agent: the sums, and the durations at the ranks either side of each percentile's (PERCENTILE_CONT interpolates
    -- between them). The duration at rank k (from 0) is in the bucket whose running count passes k; the n durations of a
    -- bucket [low, high) are taken as evenly spread in it. An agent result is a bucket of its own, [d, d].
    SELECT c.agent,
           SUM(c.executions) AS executions, SUM(c.failures) AS failures, SUM(c.attempts) AS attempts,
           SUM(c.output_bytes) AS output_bytes, SUM(c.outputs) AS outputs,
           MAX(0.5 * (c.total - 1)) AS r50,
           MAX(0.95 * (c.total - 1)) AS r95,
           MIN(CASE WHEN c.cum - c.n <= FLOOR(0.5 * (c.total - 1)) AND FLOOR(0.5 * (c.total - 1)) < c.cum
                    THEN c.low + (c.high - c.low) * (FLOOR(0.5 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END) AS p50_low,
           MIN(CASE WHEN c.cum - c.n <= CEILING(0.5 * (c.total - 1)) AND CEILING(0.5 * (c.total - 1)) < c.cum
                    THEN c.low + (c.high - c.low) * (CEILING(0.5 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END) AS p50_high,
           MIN(CASE WHEN c.cum - c.n <= FLOOR(0.95 * (c.total - 1)) AND FLOOR(0.95 * (c.total - 1)) < c.cum
                    THEN c.low + (c.high - c.low) * (FLOOR(0.95 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END) AS p95_low,
           MIN(CASE WHEN c.cum - c.n <= CEILING(0.95 * (c.total - 1)) AND CEILING(0.95 * (c.total - 1)) < c.cum
                    THEN c.low + (c.high - c.low) * (CEILING(0.95 * (c.total - 1)) - (c.cum - c.n) + 0.5) / c.n END) AS p95_high
    FROM (
        SELECT g.*,
               SUM(g.n) OVER (PARTITION BY g.agent ORDER BY g.low, g.high ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
               SUM(g.n) OVER (PARTITION BY g.agent) AS total
        FROM (
            SELECT u.agent, SUM(u.executions) AS executions, SUM(u.failures) AS failures, SUM(u.attempts) AS attempts,
                   SUM(u.output_bytes) AS output_bytes, SUM(u.outputs) AS outputs, u.low, u.high, SUM(u.n) AS n
            FROM (
                -- b, one row: the window's whole UTC hours that the rollup holds are [lo, top), where lo is the first
                -- whole hour at or after from and top the end of the last whole hour before to, or where the rollup has
                -- got if earlier; the agent results cover [from, head_to) and [tail_from, to), the rest. b is on the left
                -- of a left join in each part, not a subquery in a comparison: H2 then reads one index range per part
                -- (one bound each side, computed once), and drops the empty match (AGENT null).
                -- Counters first, then the duration histogram, each summed over its hours first (fewer, narrower rows
                -- for the union).
                SELECT h.AGENT AS agent, SUM(h.EXECUTIONS) AS executions,
                       SUM(CASE WHEN h.STATUS = 'FAILED' THEN h.EXECUTIONS ELSE 0 END) AS failures, SUM(h.ATTEMPTS) AS attempts,
                       SUM(h.OUTPUT_BYTES) AS output_bytes, SUM(h.OUTPUTS) AS outputs,
                       CAST(NULL AS BIGINT) AS low, CAST(NULL AS BIGINT) AS high, CAST(NULL AS BIGINT) AS n
                FROM (SELECT x.lo, x.top, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                             CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
                      FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                                   CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.to_at
                            FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                                         DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                                         DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                            CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
                LEFT JOIN P21_AGENT_HOURLY h ON h.HOUR_START >= b.lo AND h.HOUR_START < b.top
                WHERE h.AGENT IS NOT NULL AND (CAST(:agent AS VARCHAR(200)) IS NULL OR h.AGENT = :agent)
                GROUP BY h.AGENT
                UNION ALL
                SELECT d.AGENT, 0, 0, 0, 0, 0, d.BUCKET_LOW, d.BUCKET_HIGH, SUM(d.SAMPLES)
                FROM (SELECT x.lo, x.top, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                             CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
                      FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                                   CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.to_at
                            FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                                         DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                                         DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                            CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
                LEFT JOIN P21_AGENT_DURATION_HOURLY d ON d.HOUR_START >= b.lo AND d.HOUR_START < b.top
                WHERE d.AGENT IS NOT NULL AND (CAST(:agent AS VARCHAR(200)) IS NULL OR d.AGENT = :agent)
                GROUP BY d.AGENT, d.BUCKET_LOW, d.BUCKET_HIGH
                UNION ALL
                -- The rest of the window from the agent results, each a bucket of its own.
                SELECT a.AGENT, 1, CASE WHEN a.STATUS = 'FAILED' THEN 1 ELSE 0 END, a.ATTEMPTS, a.OUTPUT_BYTES,
                       CASE WHEN a.OUTPUT_BYTES IS NULL THEN 0 ELSE 1 END, a.DURATION_MS, a.DURATION_MS,
                       CASE WHEN a.DURATION_MS IS NULL THEN NULL ELSE 1 END
                FROM (SELECT x.lo, x.top, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                             CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
                      FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                                   CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.to_at
                            FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                                         DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                                         DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                            CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
                LEFT JOIN P21_AGENT_RESULT a ON a.ENDED_AT >= :from AND a.ENDED_AT < b.head_to
                WHERE a.AGENT IS NOT NULL AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
                UNION ALL
                SELECT a.AGENT, 1, CASE WHEN a.STATUS = 'FAILED' THEN 1 ELSE 0 END, a.ATTEMPTS, a.OUTPUT_BYTES,
                       CASE WHEN a.OUTPUT_BYTES IS NULL THEN 0 ELSE 1 END, a.DURATION_MS, a.DURATION_MS,
                       CASE WHEN a.DURATION_MS IS NULL THEN NULL ELSE 1 END
                FROM (SELECT x.lo, x.top, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                             CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
                      FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                                   CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.to_at
                            FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                                         DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                                         DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                            CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
                LEFT JOIN P21_AGENT_RESULT a ON a.ENDED_AT >= b.tail_from AND a.ENDED_AT < :to
                WHERE a.AGENT IS NOT NULL AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
            ) u
            GROUP BY u.agent, u.low, u.high
        ) g
    ) c
    GROUP BY c.agent
) p
ORDER BY p.agent
