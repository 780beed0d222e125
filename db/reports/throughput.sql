-- title: Throughput
-- description: Per UTC hour with at least one run start or end in the window: runs started, runs finished (ended with any status), peak concurrent runs (the most running at once during that hour, counting runs that started before it; a run ending at the instant another starts does not overlap it) and the p95 queue wait in whole ms (CREATED_AT to STARTED_AT, interpolated) of the runs started in that hour. Hours without a start or an end are not listed.
--   Whole UTC hours that the rollup job has added are read from P21_RUN_HOURLY (their rows as they stood when rolled up),
--   the rest of the window from the runs, the same way.
-- param: from timestamp = now-7d   # hours from the one holding this instant; starts and ends at or after it
-- param: to timestamp = now        # starts and ends before this instant
SELECT t.hour_start AS hour_start,
       t.started AS started,
       t.finished AS finished,
       t.peak_concurrent AS peak_concurrent,
       t.queue_wait_p95_ms AS queue_wait_p95_ms
-- Three parts for disjoint hours: the rolled-up whole hours [lo, top), the part of the window before them
-- [from, head_to), and the rest [tail_from, to). b, one row, holds these bounds (as in agent-performance, which explains
-- them and why b is on the left of a left join). Derived tables, not WITH: H2 2.4 can reuse a session's last result of
-- a WITH query built on parameterized parts even when the parameters changed.
FROM (
    SELECT h.HOUR_START AS hour_start, h.STARTED AS started, h.FINISHED AS finished, h.PEAK_CONCURRENT AS peak_concurrent,
           CAST(h.QUEUE_WAIT_P95_MS AS DECIMAL(18, 0)) AS queue_wait_p95_ms
    FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
    LEFT JOIN P21_RUN_HOURLY h ON h.HOUR_START >= b.lo AND h.HOUR_START < b.top
    WHERE h.HOUR_START IS NOT NULL
    UNION ALL
    -- The window before the rolled-up hours, [from, head_to), from the runs.
    SELECT l.hour_start,
           COUNT(CASE WHEN l.delta = 1 THEN 1 END),
           COUNT(CASE WHEN l.delta = -1 THEN 1 END),
           -- Before an end one more run was running: that level counts too (it may be the hour's first).
           MAX(CASE WHEN l.delta = -1 THEN l.running + 1 ELSE l.running END),
           CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY l.wait_ms) AS DECIMAL(18, 0))
    FROM (
        -- Runs running right after each event: a running sum, ends before starts at the same instant.
        SELECT e.event_at, e.delta, e.wait_ms, e.from_at, e.to_at,
               SUM(e.delta) OVER (ORDER BY e.event_at, e.delta ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
               DATE_TRUNC('hour', e.event_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start
        FROM (
            -- +1 when a run starts, -1 when it ends, for every run that overlaps [from_at, to_at): ended at or after
            -- from_at or not yet, started before to_at (earlier starts set the level).
            SELECT r.STARTED_AT AS event_at, 1 AS delta, r.QUEUE_WAIT_MS AS wait_ms, b.from_at AS from_at, b.head_to AS to_at
            FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
            LEFT JOIN P21_RUN r ON r.ENDED_AT >= b.from_at AND r.STARTED_AT < b.head_to
            WHERE r.RUN_ID IS NOT NULL
            UNION ALL
            SELECT r.STARTED_AT, 1, r.QUEUE_WAIT_MS, b.from_at, b.head_to
            FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
            LEFT JOIN P21_RUN r ON r.ENDED_AT IS NULL AND r.STARTED_AT < b.head_to
            WHERE r.RUN_ID IS NOT NULL
            UNION ALL
            SELECT r.ENDED_AT, -1, NULL, b.from_at, b.head_to
            FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
            LEFT JOIN P21_RUN r ON r.ENDED_AT >= b.from_at AND r.ENDED_AT < b.head_to AND r.STARTED_AT < b.head_to
            WHERE r.RUN_ID IS NOT NULL
        ) e
    ) l
    WHERE l.event_at >= l.from_at AND l.event_at < l.to_at
    GROUP BY l.hour_start
    UNION ALL
    -- The window after them, [tail_from, to), from the runs.
    SELECT l.hour_start,
           COUNT(CASE WHEN l.delta = 1 THEN 1 END),
           COUNT(CASE WHEN l.delta = -1 THEN 1 END),
           -- Before an end one more run was running: that level counts too (it may be the hour's first).
           MAX(CASE WHEN l.delta = -1 THEN l.running + 1 ELSE l.running END),
           CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY l.wait_ms) AS DECIMAL(18, 0))
    FROM (
        -- Runs running right after each event: a running sum, ends before starts at the same instant.
        SELECT e.event_at, e.delta, e.wait_ms, e.from_at, e.to_at,
               SUM(e.delta) OVER (ORDER BY e.event_at, e.delta ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
               DATE_TRUNC('hour', e.event_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start
        FROM (
            -- +1 when a run starts, -1 when it ends, for every run that overlaps [from_at, to_at): ended at or after
            -- from_at or not yet, started before to_at (earlier starts set the level).
            SELECT r.STARTED_AT AS event_at, 1 AS delta, r.QUEUE_WAIT_MS AS wait_ms, b.tail_from AS from_at, b.to_at AS to_at
            FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
            LEFT JOIN P21_RUN r ON r.ENDED_AT >= b.tail_from AND r.STARTED_AT < b.to_at
            WHERE r.RUN_ID IS NOT NULL
            UNION ALL
            SELECT r.STARTED_AT, 1, r.QUEUE_WAIT_MS, b.tail_from, b.to_at
            FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
            LEFT JOIN P21_RUN r ON r.ENDED_AT IS NULL AND r.STARTED_AT < b.to_at
            WHERE r.RUN_ID IS NOT NULL
            UNION ALL
            SELECT r.ENDED_AT, -1, NULL, b.tail_from, b.to_at
            FROM (SELECT x.lo, x.top, x.from_at, x.to_at, CASE WHEN x.lo < x.to_at THEN x.lo ELSE x.to_at END AS head_to,
                   CASE WHEN x.top > x.lo THEN x.top ELSE x.lo END AS tail_from
            FROM (SELECT CASE WHEN w.from_hour < w.from_at THEN w.from_hour + INTERVAL '1' HOUR ELSE w.from_hour END AS lo,
                         CASE WHEN w.to_hour < r.ROLLED_TO THEN w.to_hour ELSE r.ROLLED_TO END AS top, w.from_at, w.to_at
                  FROM (SELECT CAST(:from AS TIMESTAMP WITH TIME ZONE) AS from_at, CAST(:to AS TIMESTAMP WITH TIME ZONE) AS to_at,
                               DATE_TRUNC('hour', CAST(:from AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS from_hour,
                               DATE_TRUNC('hour', CAST(:to AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS to_hour) w
                  CROSS JOIN P21_ROLLUP r WHERE r.NAME = 'hourly') x) b
            LEFT JOIN P21_RUN r ON r.ENDED_AT >= b.tail_from AND r.ENDED_AT < b.to_at AND r.STARTED_AT < b.to_at
            WHERE r.RUN_ID IS NOT NULL
        ) e
    ) l
    WHERE l.event_at >= l.from_at AND l.event_at < l.to_at
    GROUP BY l.hour_start
) t
ORDER BY t.hour_start
