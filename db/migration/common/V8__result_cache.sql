-- The agent-result cache's cold tier (org.perfect21.cache.ResultCache): one row per cached agent call,
-- keyed by the SHA-256 hex of the agent, its definition, the rendered instruction and the parameters.
-- The heap tiers in front of it are lost on restart; this table is not, and serves every node on the
-- database. A key stored again replaces its row (MERGE); HITS and LAST_HIT_AT count the hits served from
-- here since it was stored (hits in the heap tiers are not written back).

CREATE TABLE P21_RESULT_CACHE (
    CACHE_KEY         VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- The agent's name, for reports; the key already covers it.
    AGENT             VARCHAR(200) NOT NULL,
    -- The output as the agent returned it (CLOB like P21_AGENT_RESULT.OUTPUT; TEXT on PostgreSQL).
    OUTPUT            CLOB,
    OUTPUT_BYTES      BIGINT       NOT NULL,
    OUTPUT_TRUNCATED  BOOLEAN      NOT NULL,
    TOKENS            BIGINT,
    CREATED_AT        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- A row past this is a miss; the lookup that finds it and the retention purge delete it.
    EXPIRES_AT        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    HITS              BIGINT       NOT NULL DEFAULT 0,
    LAST_HIT_AT       TIMESTAMP(9) WITH TIME ZONE
);
-- The purge deletes expired rows in bounded batches, oldest expiry first: a range scan on EXPIRES_AT.
CREATE INDEX P21_RESULT_CACHE_EXPIRES ON P21_RESULT_CACHE (EXPIRES_AT);
-- Reports of cache use per agent.
CREATE INDEX P21_RESULT_CACHE_AGENT ON P21_RESULT_CACHE (AGENT);
