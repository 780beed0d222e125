-- Figures of a run that the admin reports read for every run in a window, kept on the run row when they become known
-- instead of being derived per report: with 100,000 runs in a window, deriving durations from two timestamps per row
-- and summing each run's phase agents through a correlated subquery cost seconds (ReportBench).
--   DURATION_MS    STARTED_AT to ENDED_AT in whole ms; set when the run ends, null while it has not (or never started).
--   QUEUE_WAIT_MS  CREATED_AT to STARTED_AT in whole ms; set when the run starts (a restart starts it again).
--   AGENTS         the agents of the run's phases, summed when the run ends; null before.
ALTER TABLE P21_RUN ADD COLUMN DURATION_MS BIGINT;
ALTER TABLE P21_RUN ADD COLUMN QUEUE_WAIT_MS BIGINT;
ALTER TABLE P21_RUN ADD COLUMN AGENTS INT;

UPDATE P21_RUN SET
    DURATION_MS = CAST(ROUND((EXTRACT(EPOCH FROM ENDED_AT) - EXTRACT(EPOCH FROM STARTED_AT)) * 1000) AS BIGINT),
    QUEUE_WAIT_MS = CAST(ROUND((EXTRACT(EPOCH FROM STARTED_AT) - EXTRACT(EPOCH FROM CREATED_AT)) * 1000) AS BIGINT),
    AGENTS = CASE WHEN ENDED_AT IS NULL THEN NULL ELSE (SELECT SUM(p.AGENTS) FROM P21_PHASE_RUN p WHERE p.RUN_ID = P21_RUN.RUN_ID) END;

-- slo reads the runs that ended in a window with their status, agents and duration, throughput the runs that overlap
-- part of one (ended after its start, or not yet) with their start and queue wait: this index holds them all, so H2 (and
-- PostgreSQL, index-only) reads no run rows. It replaces V6's ENDED_AT index, its prefix, which the optimizer's SLO
-- sampler reads the same way; run writes keep the same number of indexes (STATUS changes whenever these columns do).
CREATE INDEX P21_RUN_REPORT_ENDED ON P21_RUN (ENDED_AT, STATUS, AGENTS, DURATION_MS, STARTED_AT, QUEUE_WAIT_MS);
DROP INDEX P21_RUN_SLO_ENDED;

-- Hourly rollups of the agent results and runs, for agent-performance, cache, slo and throughput: a week of a busy
-- platform is a million agent results, which H2 cannot read and sort for a report in under a second, but it is some
-- ten thousand counter rows and some hundred thousand histogram rows. The rollup job (perfect21.rollup.*) adds each
-- closed UTC hour once (agents by when they ENDED, runs by when they started and ended), and moves ROLLED_TO past it in
-- the same transaction; reports read the rollups for the whole hours before ROLLED_TO and the agent results and runs for
-- the rest of their window. An hour keeps what it counted when it was rolled up, even if a restart later runs an agent
-- or a run again. Rollups outlive the runs they count and are deleted by perfect21.retention.max-age.

-- Per hour, agent name, status and cache tier ('NONE' for an agent that is not cacheable): executions, the sum of
-- their attempts, and the sum and count of their known output sizes.
CREATE TABLE P21_AGENT_HOURLY (
    HOUR_START    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    AGENT         VARCHAR(200) NOT NULL,
    STATUS        VARCHAR(20)  NOT NULL,
    CACHE_TIER    VARCHAR(10)  NOT NULL,
    EXECUTIONS    BIGINT       NOT NULL,
    ATTEMPTS      BIGINT       NOT NULL,
    OUTPUT_BYTES  BIGINT       NOT NULL,
    OUTPUTS       BIGINT       NOT NULL,
    CONSTRAINT P21_AGENT_HOURLY_PK PRIMARY KEY (HOUR_START, AGENT, STATUS, CACHE_TIER)
);

-- Per hour, agent name and status: a histogram of DURATION_MS. A bucket [BUCKET_LOW, BUCKET_HIGH) is one ms wide below
-- 32 ms and a sixteenth of its power of two above (64..67, 68..71, ...), so a percentile read from it is off by at most
-- 6.25 % (reports interpolate inside the bucket).
CREATE TABLE P21_AGENT_DURATION_HOURLY (
    HOUR_START    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    AGENT         VARCHAR(200) NOT NULL,
    STATUS        VARCHAR(20)  NOT NULL,
    BUCKET_LOW    BIGINT       NOT NULL,
    BUCKET_HIGH   BIGINT       NOT NULL,
    SAMPLES       BIGINT       NOT NULL,
    CONSTRAINT P21_AGENT_DURATION_HOURLY_PK PRIMARY KEY (HOUR_START, AGENT, STATUS, BUCKET_LOW)
);

-- Per hour with a run start or end, the throughput report's row as it stood when the hour was rolled up: runs started
-- and finished, the most running at once (runs started before the hour count), the p95 queue wait of the runs started.
CREATE TABLE P21_RUN_HOURLY (
    HOUR_START         TIMESTAMP(9) WITH TIME ZONE NOT NULL PRIMARY KEY,
    STARTED            BIGINT NOT NULL,
    FINISHED           BIGINT NOT NULL,
    PEAK_CONCURRENT    BIGINT NOT NULL,
    QUEUE_WAIT_P95_MS  BIGINT
);

-- How far the rollups have got (agents and runs, in the same transactions): every hour before ROLLED_TO is in them.
-- The epoch means nothing yet.
CREATE TABLE P21_ROLLUP (
    NAME       VARCHAR(40) NOT NULL PRIMARY KEY,
    ROLLED_TO  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
INSERT INTO P21_ROLLUP (NAME, ROLLED_TO) VALUES ('hourly', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
