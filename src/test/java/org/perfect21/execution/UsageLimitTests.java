package org.perfect21.execution;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's usage is the sum of its agents'; a workflow's {@code limits} stop a run that passes them. */
class UsageLimitTests extends EngineTestSupport {

    @Test
    void theRunsUsageIsTheSumOfItsAgentsAndUnknownFiguresStayUnknown() {
        RunDocument run = runner.run(workflow("""
                name: summed
                phases:
                  - name: work
                    agents:
                      - {name: a, kind: probe, inputTokens: 100, outputTokens: 20, costUsd: 0.015}
                      - {name: b, kind: probe, inputTokens: 50, outputTokens: 5, costUsd: 0.005}
                      - {name: c, kind: probe}
                """), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.usage().inputTokens()).isEqualTo(150);
        assertThat(run.usage().outputTokens()).isEqualTo(25);
        assertThat(run.usage().cacheReadTokens()).as("no agent reported it").isNull();
        assertThat(run.usage().costUsd()).isEqualByComparingTo("0.020");
        RunDocument.Agent a = run.phases().get(0).agents().get(0);
        assertThat(a.model()).isEqualTo("probe-model");
        assertThat(a.usage().costUsd()).isEqualByComparingTo("0.015");
        assertThat(a.tokens()).as("the context counts reported tokens").isEqualTo(120);
        RunDocument.Agent c = run.phases().get(0).agents().get(2);
        assertThat(c.usage().costUsd()).as("unknown is null, not 0").isNull();
        assertThat(c.model()).isNull();
    }

    @Test
    void onceTheRunPassesMaxCostNoFurtherAgentStartsAndTheRunFailsNamingTheLimit() {
        RunDocument run = runner.run(workflow("""
                name: capped
                limits: {maxCostUsd: 0.15}
                phases:
                  - name: work
                    parallelism: 1
                    minSuccess: 1
                    agents:
                      - {name: a1, kind: probe, costUsd: 0.10, retries: 2}
                      - {name: a2, kind: probe, costUsd: 0.10, retries: 2}
                      - {name: a3, kind: probe, costUsd: 0.10, retries: 2}
                      - {name: a4, kind: probe, costUsd: 0.10, retries: 2}
                  - name: later
                    agents:
                      - {name: b1, kind: probe}
                """), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("phase 'work': the run passed limits.maxCostUsd 0.15 USD (spent 0.2 USD)");
        assertThat(probe.invocationsOf("a1") + probe.invocationsOf("a2")).as("two agents ran, once each").isEqualTo(2);
        assertThat(probe.invocationsOf("a3") + probe.invocationsOf("a4")).as("none started after the limit").isZero();
        RunDocument.Agent a3 = run.phases().get(0).agents().get(2);
        assertThat(a3.status()).isEqualTo(AgentStatus.FAILED);
        assertThat(a3.error()).isEqualTo("not started: the run passed limits.maxCostUsd 0.15 USD (spent 0.2 USD)");
        assertThat(run.phases()).as("the next phase never ran").hasSize(1);
        assertThat(run.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.20"));
    }

    @Test
    void maxTokensCountsEveryKindOfToken() {
        RunDocument run = runner.run(workflow("""
                name: token-capped
                limits: {maxTokens: 1000}
                phases:
                  - name: work
                    agents:
                      - {name: t1, kind: probe, inputTokens: 900, outputTokens: 200}
                  - name: later
                    agents:
                      - {name: t2, kind: probe}
                """), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("phase 'work': the run passed limits.maxTokens 1000 (used 1100 tokens)");
        assertThat(probe.invocationsOf("t2")).isZero();
    }

    @Test
    void aRunWithinItsLimitsCompletes() {
        RunDocument run = runner.run(workflow("""
                name: within
                limits: {maxCostUsd: 1, maxTokens: 5000}
                phases:
                  - name: work
                    agents:
                      - {name: w1, kind: probe, inputTokens: 900, costUsd: 0.5}
                """), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    }
}
