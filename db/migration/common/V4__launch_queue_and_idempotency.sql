-- Launches through the API (and later schedules) wait as QUEUED runs when the concurrency limit is
-- reached; the queue is these rows, in CREATED_AT order, so it survives restarts.
-- ORIGIN says who launched a run (cli, api, schedule). An Idempotency-Key header is kept with a
-- digest of the request it came with: a repeat returns the same run, another request is refused.

ALTER TABLE P21_RUN ADD COLUMN ORIGIN VARCHAR(20) DEFAULT 'cli' NOT NULL;
ALTER TABLE P21_RUN ADD COLUMN IDEMPOTENCY_KEY VARCHAR(200);
ALTER TABLE P21_RUN ADD COLUMN REQUEST_DIGEST VARCHAR(64);

-- Several NULL keys are allowed (runs launched without one), on H2 and PostgreSQL alike.
CREATE UNIQUE INDEX P21_RUN_IDEMPOTENCY_KEY ON P21_RUN (IDEMPOTENCY_KEY);
