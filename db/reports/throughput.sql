-- title: Throughput
-- description: Per UTC hour with at least one run start or end in the window: runs started, runs finished (ended with any status), peak concurrent runs (the most running at once during that hour, counting runs that started before it; a run ending at the instant another starts does not overlap it) and the p95 queue wait in whole ms (CREATED_AT to STARTED_AT, interpolated) of the runs started in that hour. Hours without a start or an end are not listed.
-- param: from timestamp = now-7d   # hours from the one holding this instant; starts and ends at or after it
-- param: to timestamp = now        # starts and ends before this instant
SELECT l.hour_start AS hour_start,
       COUNT(CASE WHEN l.delta = 1 THEN 1 END) AS started,
       COUNT(CASE WHEN l.delta = -1 THEN 1 END) AS finished,
       -- Before an end one more run was running: that level counts too (it may be the hour's first).
       MAX(CASE WHEN l.delta = -1 THEN l.running + 1 ELSE l.running END) AS peak_concurrent,
       CAST(PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY l.wait_ms) AS DECIMAL(18, 0)) AS queue_wait_p95_ms
FROM (
    -- Runs running right after each event: a running sum, ends before starts at the same instant.
    SELECT e.event_at, e.delta, e.wait_ms,
           SUM(e.delta) OVER (ORDER BY e.event_at, e.delta ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
           DATE_TRUNC('hour', e.event_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour_start
    FROM (
        -- +1 when a run starts, -1 when it ends, for every run that overlaps the window (earlier starts set the level).
        SELECT r.STARTED_AT AS event_at, 1 AS delta,
               r.QUEUE_WAIT_MS AS wait_ms
        FROM P21_RUN r
        WHERE r.STARTED_AT IS NOT NULL AND r.STARTED_AT < :to AND (r.ENDED_AT IS NULL OR r.ENDED_AT >= :from)
        UNION ALL
        SELECT r.ENDED_AT, -1, NULL
        FROM P21_RUN r
        WHERE r.STARTED_AT IS NOT NULL AND r.STARTED_AT < :to AND r.ENDED_AT IS NOT NULL AND r.ENDED_AT >= :from
    ) e
) l
-- Derived tables, not WITH: H2 2.4 can reuse a session's last result of a WITH query built on parameterized parts
-- even when the parameters changed (seen with the same SQL run twice on one connection).
WHERE l.event_at >= :from AND l.event_at < :to
GROUP BY l.hour_start
ORDER BY l.hour_start
