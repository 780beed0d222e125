-- title: Throughput
-- description: Per UTC hour with at least one run start or end in the window: runs started, runs finished (ended with any status), peak concurrent runs (the most running at once during that hour, counting runs that started before it; a run ending at the instant another starts does not overlap it) and the p95 queue wait in whole ms (CREATED_AT to STARTED_AT, interpolated) of the runs started in that hour. Hours without a start or an end are not listed.
--   Whole UTC hours that the rollup job has added are read from P21_RUN_HOURLY (their rows as they stood when rolled up),
--   the rest of the window from the runs, the same way.
-- param: from timestamp = now-7d   # hours from the one holding this instant; starts and ends at or after it
-- param: to timestamp = now        # starts and ends before this instant
-- window: from, to
--   :rollup_from and :rollup_to are not parameters a caller gives: the runner sets them once a run to the window's whole
--   UTC hours that the rollups hold, from the first whole hour at or after :from to the last whole hour at or before :to,
--   or P21_ROLLUP.ROLLED_TO (NAME 'hourly') if earlier; both to :to when that leaves no hour. By hand: any whole UTC
--   hours with :from <= :rollup_from <= :rollup_to <= :to and :rollup_to <= ROLLED_TO give the same rows;
--   :rollup_from = :rollup_to = :to reads the runs only (the hours as they are now). See src/docs/reports.md.
SELECT t.hour_start AS hour_start,
       t.started AS started,
       t.finished AS finished,
       t.peak_concurrent AS peak_concurrent,
       t.queue_wait_p95_ms AS queue_wait_p95_ms
-- Three parts for disjoint hours (see the header): the rolled-up whole hours [rollup_from, rollup_to), the part of the
-- window before them [from, rollup_from), and the rest [rollup_to, to). Derived tables, not WITH: H2 2.4 can reuse a
-- session's last result of a WITH query built on parameterized parts even when the parameters changed.
FROM (
    SELECT h.HOUR_START AS hour_start, h.STARTED AS started, h.FINISHED AS finished, h.PEAK_CONCURRENT AS peak_concurrent,
           CAST(h.QUEUE_WAIT_P95_MS AS DECIMAL(18, 0)) AS queue_wait_p95_ms
    FROM P21_RUN_HOURLY h
    WHERE h.HOUR_START >= :rollup_from AND h.HOUR_START < :rollup_to
    UNION ALL
    -- The window before the rolled-up hours, [from, rollup_from), from the runs.
    SELECT l.hour_start,
           COUNT(CASE WHEN l.delta = 1 THEN 1 END),
           COUNT(CASE WHEN l.delta = -1 THEN 1 END),
           -- Before an end one more run was running: that level counts too (it may be the hour's first).
           MAX(CASE WHEN l.delta = -1 THEN l.running + 1 ELSE l.running END),
           CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY l.wait_ms) AS DECIMAL(18, 0))
    FROM (
        -- Runs running right after each event: a running sum, ends before starts at the same instant.
        SELECT e.event_at, e.delta, e.wait_ms,
               SUM(e.delta) OVER (ORDER BY e.event_at, e.delta ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
               DATE_TRUNC('hour', e.event_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start
        FROM (
            -- +1 when a run starts, -1 when it ends, for every run that overlaps [from, rollup_from): ended at or after
            -- its start or not yet, started before its end (earlier starts set the level).
            SELECT r.STARTED_AT AS event_at, 1 AS delta, r.QUEUE_WAIT_MS AS wait_ms
            FROM P21_RUN r
            WHERE r.ENDED_AT >= :from AND r.STARTED_AT < :rollup_from
            UNION ALL
            SELECT r.STARTED_AT, 1, r.QUEUE_WAIT_MS
            FROM P21_RUN r
            WHERE r.ENDED_AT IS NULL AND r.STARTED_AT < :rollup_from
            UNION ALL
            SELECT r.ENDED_AT, -1, NULL
            FROM P21_RUN r
            WHERE r.ENDED_AT >= :from AND r.ENDED_AT < :rollup_from AND r.STARTED_AT < :rollup_from
        ) e
    ) l
    WHERE l.event_at >= :from AND l.event_at < :rollup_from
    GROUP BY l.hour_start
    UNION ALL
    -- The window after them, [rollup_to, to), from the runs.
    SELECT l.hour_start,
           COUNT(CASE WHEN l.delta = 1 THEN 1 END),
           COUNT(CASE WHEN l.delta = -1 THEN 1 END),
           -- Before an end one more run was running: that level counts too (it may be the hour's first).
           MAX(CASE WHEN l.delta = -1 THEN l.running + 1 ELSE l.running END),
           CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY l.wait_ms) AS DECIMAL(18, 0))
    FROM (
        -- Runs running right after each event: a running sum, ends before starts at the same instant.
        SELECT e.event_at, e.delta, e.wait_ms,
               SUM(e.delta) OVER (ORDER BY e.event_at, e.delta ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
               DATE_TRUNC('hour', e.event_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start
        FROM (
            -- +1 when a run starts, -1 when it ends, for every run that overlaps [rollup_to, to): ended at or after
            -- its start or not yet, started before its end (earlier starts set the level).
            SELECT r.STARTED_AT AS event_at, 1 AS delta, r.QUEUE_WAIT_MS AS wait_ms
            FROM P21_RUN r
            WHERE r.ENDED_AT >= :rollup_to AND r.STARTED_AT < :to
            UNION ALL
            SELECT r.STARTED_AT, 1, r.QUEUE_WAIT_MS
            FROM P21_RUN r
            WHERE r.ENDED_AT IS NULL AND r.STARTED_AT < :to
            UNION ALL
            SELECT r.ENDED_AT, -1, NULL
            FROM P21_RUN r
            WHERE r.ENDED_AT >= :rollup_to AND r.ENDED_AT < :to AND r.STARTED_AT < :to
        ) e
    ) l
    WHERE l.event_at >= :rollup_to AND l.event_at < :to
    GROUP BY l.hour_start
) t
ORDER BY t.hour_start
