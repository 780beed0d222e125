-- Gates that repeat (issue 14): a phase may run several times in one run, once per iteration of the gate that sends
-- the work back. Each iteration keeps its own phase row and agent rows; nothing of an earlier iteration is overwritten.
-- Rows written before this migration are iteration 1.

ALTER TABLE P21_PHASE_RUN ADD COLUMN ITERATION INT NOT NULL DEFAULT 1;
-- The phase rows of a run in the order they started (1, 2, ...): the run document lists phases in execution order.
ALTER TABLE P21_PHASE_RUN ADD COLUMN ORDINAL INT;
UPDATE P21_PHASE_RUN SET ORDINAL = PHASE_INDEX + 1;
ALTER TABLE P21_PHASE_RUN ALTER COLUMN ORDINAL SET NOT NULL;
ALTER TABLE P21_PHASE_RUN DROP CONSTRAINT P21_PHASE_RUN_PK;
ALTER TABLE P21_PHASE_RUN ADD CONSTRAINT P21_PHASE_RUN_PK PRIMARY KEY (RUN_ID, PHASE_INDEX, ITERATION);

ALTER TABLE P21_AGENT_RESULT ADD COLUMN ITERATION INT NOT NULL DEFAULT 1;
ALTER TABLE P21_AGENT_RESULT DROP CONSTRAINT P21_AGENT_RESULT_UN;
ALTER TABLE P21_AGENT_RESULT ADD CONSTRAINT P21_AGENT_RESULT_UN UNIQUE (RUN_ID, PHASE_INDEX, ITERATION, AGENT_INDEX);

-- A context entry is the output of one agent in one iteration (its text is that row's OUTPUT unless it was cut).
ALTER TABLE P21_CONTEXT_ENTRY ADD COLUMN ITERATION INT NOT NULL DEFAULT 1;

-- A gate's verdict in columns the reports read without parsing GATE's JSON: whether it passed, and its first failed
-- check ("check: detail") when it did not. Null for a phase without a gate or not decided yet.
ALTER TABLE P21_PHASE_RUN ADD COLUMN GATE_PASSED BOOLEAN;
ALTER TABLE P21_PHASE_RUN ADD COLUMN GATE_FAILURE VARCHAR(4000);
UPDATE P21_PHASE_RUN SET GATE_PASSED = (GATE LIKE '{"passed":true%') WHERE GATE IS NOT NULL;
