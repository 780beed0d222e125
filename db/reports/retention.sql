-- title: Retention
-- description: What the history holds and what the purge did, one row per item, in three sections. table: rows in each table the retention purge deletes from (Spring Batch's, the P21_* run tables and the purge records, in the purge's order) and in P21_RESULT_CACHE (detail: entries expired now, deleted by the cache and the purge), then the rollups P21_AGENT_HOURLY, P21_AGENT_DURATION_HOURLY and P21_RUN_HOURLY (first_at / last_at their oldest and newest hour; the rollup job deletes hours past the max age). runs: created (every run, first_at / last_at the oldest and newest CREATED_AT) and ended (runs in a final status, first_at / last_at the oldest and newest ENDED_AT: the oldest goes first by age). purge: the last purges, newest first (name the trigger, value_count the runs deleted, first_at / last_at when it started and ended, empty while running or if its process died; detail rows deleted, cutoff, max runs, dry run, error).
-- param: purges integer = 10       # how many of the last purges to list
SELECT t.section AS section,
       t.name AS name,
       t.value_count AS value_count,
       t.first_at AS first_at,
       t.last_at AS last_at,
       t.detail AS detail
FROM (
    SELECT 1 AS section_order, 1 AS item_order, 'table' AS section, 'BATCH_STEP_EXECUTION_CONTEXT' AS name,
           COUNT(*) AS value_count, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS first_at,
           CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS last_at, CAST(NULL AS VARCHAR(4000)) AS detail
    FROM BATCH_STEP_EXECUTION_CONTEXT
    UNION ALL SELECT 1, 2, 'table', 'BATCH_STEP_EXECUTION', COUNT(*), NULL, NULL, NULL FROM BATCH_STEP_EXECUTION
    UNION ALL SELECT 1, 3, 'table', 'BATCH_JOB_EXECUTION_CONTEXT', COUNT(*), NULL, NULL, NULL FROM BATCH_JOB_EXECUTION_CONTEXT
    UNION ALL SELECT 1, 4, 'table', 'BATCH_JOB_EXECUTION_PARAMS', COUNT(*), NULL, NULL, NULL FROM BATCH_JOB_EXECUTION_PARAMS
    UNION ALL SELECT 1, 5, 'table', 'BATCH_JOB_EXECUTION', COUNT(*), NULL, NULL, NULL FROM BATCH_JOB_EXECUTION
    UNION ALL SELECT 1, 6, 'table', 'BATCH_JOB_INSTANCE', COUNT(*), NULL, NULL, NULL FROM BATCH_JOB_INSTANCE
    UNION ALL SELECT 1, 7, 'table', 'P21_CONTEXT_ENTRY', COUNT(*), NULL, NULL, NULL FROM P21_CONTEXT_ENTRY
    UNION ALL SELECT 1, 8, 'table', 'P21_RUN_CONTEXT', COUNT(*), NULL, NULL, NULL FROM P21_RUN_CONTEXT
    UNION ALL SELECT 1, 9, 'table', 'P21_AGENT_RESULT', COUNT(*), NULL, NULL, NULL FROM P21_AGENT_RESULT
    UNION ALL SELECT 1, 10, 'table', 'P21_PHASE_RUN', COUNT(*), NULL, NULL, NULL FROM P21_PHASE_RUN
    UNION ALL SELECT 1, 11, 'table', 'P21_RUN', COUNT(*), NULL, NULL, NULL FROM P21_RUN
    UNION ALL SELECT 1, 12, 'table', 'P21_PURGE_TABLE', COUNT(*), NULL, NULL, NULL FROM P21_PURGE_TABLE
    UNION ALL SELECT 1, 13, 'table', 'P21_PURGE', COUNT(*), NULL, NULL, NULL FROM P21_PURGE
    UNION ALL
    SELECT 1, 14, 'table', 'P21_RESULT_CACHE', COUNT(*), NULL, NULL,
           CAST(COUNT(CASE WHEN c.EXPIRES_AT <= CURRENT_TIMESTAMP THEN 1 END) AS VARCHAR(20)) || ' expired'
    FROM P21_RESULT_CACHE c
    UNION ALL
    SELECT 1, 15, 'table', 'P21_AGENT_HOURLY', COUNT(*), MIN(h.HOUR_START), MAX(h.HOUR_START), NULL FROM P21_AGENT_HOURLY h
    UNION ALL
    SELECT 1, 16, 'table', 'P21_AGENT_DURATION_HOURLY', COUNT(*), MIN(d.HOUR_START), MAX(d.HOUR_START), NULL
    FROM P21_AGENT_DURATION_HOURLY d
    UNION ALL
    SELECT 1, 17, 'table', 'P21_RUN_HOURLY', COUNT(*), MIN(u.HOUR_START), MAX(u.HOUR_START), NULL FROM P21_RUN_HOURLY u
    UNION ALL
    SELECT 2, 1, 'runs', 'created', COUNT(*), MIN(r.CREATED_AT), MAX(r.CREATED_AT), NULL
    FROM P21_RUN r
    UNION ALL
    SELECT 2, 2, 'runs', 'ended', COUNT(*), MIN(r.ENDED_AT), MAX(r.ENDED_AT), NULL
    FROM P21_RUN r
    WHERE r.STATUS IN ('COMPLETED', 'FAILED', 'STOPPED') AND r.ENDED_AT IS NOT NULL
    UNION ALL
    SELECT 3, p.item_order, 'purge', p.TRIGGERED_BY, p.RUNS_DELETED, p.STARTED_AT, p.ENDED_AT,
           CASE WHEN p.DRY_RUN THEN 'dry run, would delete ' ELSE '' END
           || CAST(p.ROWS_DELETED AS VARCHAR(20)) || ' rows, cutoff '
           || TO_CHAR(p.CUTOFF AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           || ', max runs ' || CAST(p.MAX_RUNS AS VARCHAR(11))
           || CASE WHEN p.DURATION_MS IS NULL THEN ', not ended' ELSE ', ' || CAST(p.DURATION_MS AS VARCHAR(20)) || ' ms' END
           || COALESCE(', error: ' || p.ERROR, '')
    FROM (
        SELECT g.*, ROW_NUMBER() OVER (ORDER BY g.STARTED_AT DESC, g.ID DESC) AS item_order
        FROM P21_PURGE g
        ORDER BY g.STARTED_AT DESC, g.ID DESC
        FETCH FIRST :purges ROWS ONLY
    ) p
) t
ORDER BY t.section_order, t.item_order
