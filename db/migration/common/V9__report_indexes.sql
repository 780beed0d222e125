-- Indexes for the admin reports (db/reports), each explained. H2 answers a query from a secondary index alone when the
-- index holds every column the query reads of that table (a covering index); on a history of 1,000,000 agent results
-- that is several times faster than visiting each row (ReportBench). PostgreSQL uses the same indexes for
-- index-only scans. Plain column lists, no INCLUDE: the same statement runs on both databases.

-- agent-performance, cache and slo read agent results that ended in a window: ENDED_AT leads, the other columns are
-- those the three reports read (RUN_ID for agent-performance's workflow filter). It replaces the single-column
-- ENDED_AT index of V6, its prefix: the optimizer's SLO sampler (ENDED_AT range, STATUS, DURATION_MS) reads this one,
-- also without visiting rows, and agent result writes keep the same number of indexes.
CREATE INDEX P21_AGENT_RESULT_REPORT ON P21_AGENT_RESULT (ENDED_AT, AGENT, STATUS, CACHE_TIER, DURATION_MS, OUTPUT_BYTES,
    ATTEMPTS, RUN_ID);
DROP INDEX P21_AGENT_RESULT_SLO_ENDED;

-- slo counts a run's agents (the sum of AGENTS over its phases) for every run that ended in the window: with AGENTS in
-- the index the sum is read from it, without visiting the phase rows.
CREATE INDEX P21_PHASE_RUN_AGENTS ON P21_PHASE_RUN (RUN_ID, AGENTS);
