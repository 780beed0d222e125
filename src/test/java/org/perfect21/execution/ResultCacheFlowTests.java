package org.perfect21.execution;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfect21.cache.ResultCache;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Cacheable agents are served from the result cache when the same definition saw the same instruction and parameters. */
class ResultCacheFlowTests extends EngineTestSupport {

    @Autowired
    ResultCache cache;

    @BeforeEach
    void emptyTheCache() {
        cache.trim();
        jdbc.update("DELETE FROM P21_RESULT_CACHE");
    }

    private WorkflowDefinition cachedWorkflow() {
        return workflow("""
                name: cached
                parameters:
                  topic: {type: string, required: true}
                phases:
                  - name: ask
                    agents:
                      - {name: c1, kind: probe, cache: true, instruction: "about {{params.topic}}"}
                      - {name: c2, kind: probe, cache: true, ttl: 1h, instruction: "more on {{params.topic}}"}
                      - {name: fresh, kind: probe, instruction: "never cached"}
                  - name: use
                    agents:
                      - {name: c3, kind: probe, cache: true, instruction: "given {{context.text}}"}
                """);
    }

    @Test
    void theSecondRunWithTheSameParametersIsServedFromTheHotTierWithoutRunningTheAgents() {
        WorkflowDefinition workflow = cachedWorkflow();
        RunDocument first = runner.run(workflow, Map.of("topic", "caching"));

        RunDocument second = runner.run(workflow, Map.of("topic", "caching"));

        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(probe.invocationsOf("c1")).isEqualTo(1);
        assertThat(probe.invocationsOf("c3")).as("its instruction, built from cached outputs, is the same").isEqualTo(1);
        assertThat(probe.invocationsOf("fresh")).as("not cacheable").isEqualTo(2);
        assertThat(agents(first)).extracting(RunDocument.Agent::cacheTier).containsExactly("MISS", "MISS", null, "MISS");
        assertThat(agents(second)).extracting(RunDocument.Agent::cacheTier).containsExactly("HOT", "HOT", null, "HOT");
        assertThat(agents(second)).extracting(RunDocument.Agent::cacheHit).containsExactly(true, true, false, true);
        RunDocument.Agent served = agents(second).get(0);
        assertThat(served.attempts()).as("no attempt was made").isZero();
        assertThat(served.outputBytes()).isEqualTo("about caching".length());
        assertThat(jdbc.queryForObject("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'c1'", String.class,
                second.runId())).isEqualTo("about caching");
        assertThat(second.context().entries()).as("served outputs enter the context like any other").isEqualTo(4);
    }

    @Test
    void otherParametersMissAndTheDatabaseTierAnswersOnceTheHeapTiersAreTrimmed() {
        WorkflowDefinition workflow = cachedWorkflow();
        runner.run(workflow, Map.of("topic", "caching"));

        RunDocument other = runner.run(workflow, Map.of("topic", "queues"));
        cache.trim();
        RunDocument cold = runner.run(workflow, Map.of("topic", "caching"));
        RunDocument promoted = runner.run(workflow, Map.of("topic", "caching"));

        assertThat(agents(other)).extracting(RunDocument.Agent::cacheTier).containsExactly("MISS", "MISS", null, "MISS");
        assertThat(agents(cold)).extracting(RunDocument.Agent::cacheTier).containsExactly("COLD", "COLD", null, "COLD");
        assertThat(agents(promoted)).extracting(RunDocument.Agent::cacheTier).as("promoted on the cold hit")
                .containsExactly("HOT", "HOT", null, "HOT");
        assertThat(probe.invocationsOf("c1")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM P21_RESULT_CACHE", Integer.class)).isEqualTo(6);
    }

    @Test
    void failuresAreNotCached() {
        probe.failing.add("c1");
        WorkflowDefinition workflow = cachedWorkflow();
        RunDocument failed = runner.run(workflow, Map.of("topic", "flaky"));
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        probe.failing.clear();

        RunDocument retried = runner.run(workflow, Map.of("topic", "flaky"));

        assertThat(retried.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(agents(retried).get(0).cacheTier()).isEqualTo("MISS");
        assertThat(agents(retried).get(1).cacheTier()).as("c2 succeeded the first time").isEqualTo("HOT");
        assertThat(probe.invocationsOf("c1")).isEqualTo(2);
    }

    private static List<RunDocument.Agent> agents(RunDocument run) {
        return run.phases().stream().flatMap(p -> p.agents().stream()).toList();
    }
}
