package org.perfect21.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfect21.optimizer.Decision;
import org.perfect21.optimizer.DecisionKind;
import org.perfect21.optimizer.DecisionLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.viewer;

/** The optimizer's decisions in the web slice: the kind and size asked for, and the decisions as the log gives them. */
@ApiSliceTest
class OptimizerControllerTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    DecisionLog decisions;

    @Test
    void decisionsAreListedAsTheLogGivesThemFiftyAtATimeByDefault() {
        given(decisions.recent(any(), anyInt())).willReturn(List.of(
                new Decision(2L, Instant.parse("2026-12-01T10:01:00Z"), DecisionKind.POOL_SIZE, "agent-threads", "grow",
                        Map.of("utilization", 0.9), "agent threads 4 -> 6"),
                new Decision(1L, Instant.parse("2026-12-01T10:00:00Z"), DecisionKind.SLO, "p95", "pass", Map.of(), "ok")));

        MvcTestResult list = mvc.get().uri("/api/optimizer/decisions").with(viewer()).exchange();

        assertThat(list).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"decisions": [{"id": 2, "decidedAt": "2026-12-01T10:01:00Z", "kind": "pool-size", "subject": "agent-threads",
                                "outcome": "grow", "inputs": {"utilization": 0.9}, "detail": "agent threads 4 -> 6"},
                               {"id": 1, "decidedAt": "2026-12-01T10:00:00Z", "kind": "slo", "subject": "p95",
                                "outcome": "pass", "inputs": {}, "detail": "ok"}],
                 "kind": null, "size": 50}""");
        then(decisions).should().recent(null, 50);
    }

    @Test
    void decisionsAreFilteredByTheKindAsked() {
        MvcTestResult list = mvc.get().uri("/api/optimizer/decisions?kind=memory-pressure&size=5").with(viewer()).exchange();

        assertThat(list).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"decisions\": [], \"kind\": \"memory-pressure\", \"size\": 5}");
        then(decisions).should().recent(DecisionKind.MEMORY_PRESSURE, 5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kind=nope  | query parameter 'kind': 'nope' is not one of cache-trim, memory-pressure, pool-size, slo
            kind=SLO   | query parameter 'kind': 'SLO' is not one of cache-trim, memory-pressure, pool-size, slo
            size=0     | parameter 'size': '0' must be greater than or equal to 1.
            size=501   | parameter 'size': '501' must be less than or equal to 500.
            size=many  | The value 'many' of parameter 'size' is not an integer.
            """)
    void anUnknownKindOrASizeOutOfRangeIsABadRequestNamingTheParameter(String query, String detail) {
        MvcTestResult list = mvc.get().uri("/api/optimizer/decisions?" + query).with(viewer()).exchange();

        assertThat(list).satisfies(problem(400, detail));
        then(decisions).shouldHaveNoInteractions();
    }
}
