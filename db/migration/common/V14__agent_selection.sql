-- Automatic selection (issue 14): the agents an auto phase chose for a run, made when the run's plan is made (before its
-- job starts) and reused by every restart, since the history it was ranked by changes meanwhile. SELECTION is JSON:
-- {"complexity", "matchedRules": [{"complexity", "keyword"}], "chosen": [{"agent", "score", "reasons": [..]}]}.
-- The retention purge deletes these rows with their run.
CREATE TABLE P21_PHASE_SELECTION (
    RUN_ID       VARCHAR(36)  NOT NULL,
    PHASE_INDEX  INT          NOT NULL,
    PHASE        VARCHAR(200) NOT NULL,
    SELECTION    CLOB         NOT NULL,
    SELECTED_AT  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT P21_PHASE_SELECTION_PK PRIMARY KEY (RUN_ID, PHASE_INDEX),
    CONSTRAINT P21_PHASE_SELECTION_FK FOREIGN KEY (RUN_ID) REFERENCES P21_RUN (RUN_ID)
);
