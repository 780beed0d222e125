-- title: Agent performance
-- description: Per agent name (over every workflow using it), over the agent executions that ended in the window (COMPLETED, FAILED or STOPPED): executions, failure rate (FAILED / executions, a fraction 0..1 with 4 decimals), p50 and p95 of DURATION_MS in whole ms (interpolated), mean output bytes (whole bytes) and attempts per execution (2 decimals).
--   Whole UTC hours that the rollup job has added are read from the hourly rollups, the rest of the window from the agent
--   results. Counts and sums are exact either way; percentiles are exact over agent results (as PERCENTILE_CONT) and,
--   over rolled-up hours, placed inside a duration bucket, off by at most 6.25 %.
-- param: from timestamp = now-7d   # agents that ended at or after this instant
-- param: to timestamp = now        # agents that ended before this instant
-- param: agent text =              # this agent only; every agent when not set
-- window: from, to
--   :rollup_from and :rollup_to are not parameters a caller gives: the runner sets them once a run to the window's whole
--   UTC hours that the rollups hold, from the first whole hour at or after :from to the last whole hour at or before :to,
--   or P21_ROLLUP.ROLLED_TO (NAME 'hourly') if earlier; both to :to when that leaves no hour. By hand: any whole UTC
--   hours with :from <= :rollup_from <= :rollup_to <= :to and :rollup_to <= ROLLED_TO give the same counts and sums;
--   :rollup_from = :rollup_to = :to reads the agent results only (exact percentiles). See src/docs/reports.md.
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
                -- The window in three parts (see the header): its whole rolled-up hours [rollup_from, rollup_to) from
                -- the rollups, counters first, then the duration histogram, each summed over its hours first (fewer,
                -- narrower rows for the union); [from, rollup_from) and [rollup_to, to) from the agent results. Each
                -- part reads one index range.
                SELECT h.AGENT AS agent, SUM(h.EXECUTIONS) AS executions,
                       SUM(CASE WHEN h.STATUS = 'FAILED' THEN h.EXECUTIONS ELSE 0 END) AS failures, SUM(h.ATTEMPTS) AS attempts,
                       SUM(h.OUTPUT_BYTES) AS output_bytes, SUM(h.OUTPUTS) AS outputs,
                       CAST(NULL AS BIGINT) AS low, CAST(NULL AS BIGINT) AS high, CAST(NULL AS BIGINT) AS n
                FROM P21_AGENT_HOURLY h
                WHERE h.HOUR_START >= :rollup_from AND h.HOUR_START < :rollup_to
                  AND (CAST(:agent AS VARCHAR(200)) IS NULL OR h.AGENT = :agent)
                GROUP BY h.AGENT
                UNION ALL
                SELECT d.AGENT, 0, 0, 0, 0, 0, d.BUCKET_LOW, d.BUCKET_HIGH, SUM(d.SAMPLES)
                FROM P21_AGENT_DURATION_HOURLY d
                WHERE d.HOUR_START >= :rollup_from AND d.HOUR_START < :rollup_to
                  AND (CAST(:agent AS VARCHAR(200)) IS NULL OR d.AGENT = :agent)
                GROUP BY d.AGENT, d.BUCKET_LOW, d.BUCKET_HIGH
                UNION ALL
                -- The rest of the window from the agent results, each a bucket of its own.
                SELECT a.AGENT, 1, CASE WHEN a.STATUS = 'FAILED' THEN 1 ELSE 0 END, a.ATTEMPTS, a.OUTPUT_BYTES,
                       CASE WHEN a.OUTPUT_BYTES IS NULL THEN 0 ELSE 1 END, a.DURATION_MS, a.DURATION_MS,
                       CASE WHEN a.DURATION_MS IS NULL THEN NULL ELSE 1 END
                FROM P21_AGENT_RESULT a
                WHERE a.ENDED_AT >= :from AND a.ENDED_AT < :rollup_from
                  AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
                UNION ALL
                SELECT a.AGENT, 1, CASE WHEN a.STATUS = 'FAILED' THEN 1 ELSE 0 END, a.ATTEMPTS, a.OUTPUT_BYTES,
                       CASE WHEN a.OUTPUT_BYTES IS NULL THEN 0 ELSE 1 END, a.DURATION_MS, a.DURATION_MS,
                       CASE WHEN a.DURATION_MS IS NULL THEN NULL ELSE 1 END
                FROM P21_AGENT_RESULT a
                WHERE a.ENDED_AT >= :rollup_to AND a.ENDED_AT < :to
                  AND (CAST(:agent AS VARCHAR(200)) IS NULL OR a.AGENT = :agent)
            ) u
            GROUP BY u.agent, u.low, u.high
        ) g
    ) c
    GROUP BY c.agent
) p
ORDER BY p.agent
