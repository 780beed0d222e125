-- The run context (issue 5): agent outputs of finished phases that later phases' instructions see,
-- kept under a budget. One totals row per run, one row per entry held; an evicted entry's row is
-- deleted, and counted in EVICTIONS. An entry's text is its agent's stored output (P21_AGENT_RESULT),
-- so it is not written twice: CONTENT holds text only for an output cut to a head.

CREATE TABLE P21_RUN_CONTEXT (
    RUN_ID            VARCHAR(36)  NOT NULL PRIMARY KEY,
    BUDGET_BYTES      BIGINT       NOT NULL,
    BUDGET_TOKENS     BIGINT       NOT NULL,
    BYTES             BIGINT       NOT NULL,
    TOKENS            BIGINT       NOT NULL,
    ENTRIES           INT          NOT NULL,
    EVICTIONS         INT          NOT NULL,
    -- Outputs longer than one entry's share of the budget, kept as a head with a marker.
    CUTS              INT          NOT NULL,
    PEAK_BYTES        BIGINT       NOT NULL,
    -- The last phase whose outputs entered the context; a restart does not add them twice.
    PHASES_COMMITTED  INT          NOT NULL,
    UPDATED_AT        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT P21_RUN_CONTEXT_FK FOREIGN KEY (RUN_ID) REFERENCES P21_RUN (RUN_ID)
);

CREATE TABLE P21_CONTEXT_ENTRY (
    RUN_ID       VARCHAR(36)  NOT NULL,
    SEQ          INT          NOT NULL,
    PHASE_INDEX  INT          NOT NULL,
    AGENT_INDEX  INT          NOT NULL,
    PHASE        VARCHAR(200) NOT NULL,
    AGENT        VARCHAR(200) NOT NULL,
    KIND         VARCHAR(40)  NOT NULL,
    BYTES        BIGINT       NOT NULL,
    TOKENS       BIGINT       NOT NULL,
    CUT          BOOLEAN      NOT NULL,
    CONTENT      CLOB,
    CONSTRAINT P21_CONTEXT_ENTRY_PK PRIMARY KEY (RUN_ID, SEQ),
    CONSTRAINT P21_CONTEXT_ENTRY_FK FOREIGN KEY (RUN_ID) REFERENCES P21_RUN (RUN_ID)
);

-- Which result-cache tier served an agent (HOT, WARM, COLD), MISS when a cacheable agent ran, NULL when
-- the agent is not cacheable; CACHE_HIT (V3) stays the boolean summary.
ALTER TABLE P21_AGENT_RESULT ADD COLUMN CACHE_TIER VARCHAR(10);
