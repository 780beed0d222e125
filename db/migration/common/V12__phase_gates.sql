-- A phase's gate verdict, when the phase has a gate: {"passed": true|false, "checks": [{"check", "passed", "detail"}]}
-- as JSON text, written once the phase's agents are done; null for a phase without a gate or not yet decided.
ALTER TABLE P21_PHASE_RUN ADD COLUMN GATE CLOB;
