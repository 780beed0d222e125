package org.perfect21.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.workflow.AutoSelection;
import org.perfect21.workflow.DefinitionCatalog;
import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.GateCheck;
import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.MinSuccess;
import org.perfect21.workflow.NoSuchWorkflowException;
import org.perfect21.workflow.ParameterDefinition;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.viewer;

/** The workflow endpoints in the web slice: definitions from the (mocked) catalog as the API shows them. */
@ApiSliceTest
class WorkflowControllerTests {

    private static final String TYPED = """
            {"name": "typed", "description": "counts things",
             "parameters": [{"name": "count", "type": "integer", "required": true, "defaultValue": null,
                             "description": "how many"},
                            {"name": "mode", "type": "string", "required": false, "defaultValue": "fast",
                             "description": null}],
             "phases": [{"name": "only", "agents": ["t", "u"], "parallelism": 2, "timeout": "5m",
                         "minSuccess": "50%", "requiredSuccesses": 1, "gate": null, "auto": null}]}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    DefinitionCatalog catalog;

    @Test
    void workflowsAreListedWithTheirParametersAndPhases() {
        given(catalog.current()).willReturn(new Definitions(Map.of(), Map.of("typed", typed()), List.of()));

        MvcTestResult list = mvc.get().uri("/api/workflows").with(viewer()).exchange();

        assertThat(list).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"workflows\": [" + TYPED + "]}");
    }

    @Test
    void aWorkflowIsShownByName() {
        given(catalog.require("typed")).willReturn(typed());

        MvcTestResult show = mvc.get().uri("/api/workflows/typed").with(viewer()).exchange();

        assertThat(show).hasStatusOk().bodyJson().isStrictlyEqualTo(TYPED);
    }

    @Test
    void anUnknownWorkflowIsNotFoundNamingTheKnownOnes() {
        given(catalog.require("nope")).willThrow(new NoSuchWorkflowException("nope", List.of("quick", "typed")));

        MvcTestResult show = mvc.get().uri("/api/workflows/nope").with(viewer()).exchange();

        assertThat(show).satisfies(problem(404, "unknown workflow 'nope' (known: quick, typed)"));
    }

    @Test
    void aPhasesGateIsShownAsWritten() {
        GateDefinition gate = new GateDefinition(List.of("t"), List.of(new GateCheck.Matches("u", Pattern.compile("PASS"))),
                GateDefinition.OnFail.CONTINUE);
        WorkflowDefinition gated = new WorkflowDefinition("gated", null, List.of(), List.of(new PhaseDefinition("only",
                List.of(agent("t"), agent("u")), 2, null, MinSuccess.ALL, gate)), null);
        given(catalog.require("gated")).willReturn(gated);

        MvcTestResult show = mvc.get().uri("/api/workflows/gated").with(viewer()).exchange();

        Map<String, Object> shown = new java.util.HashMap<>(Map.of("require", List.of("t"), "expect", List.of("u matches PASS"),
                "onFail", "continue"));
        shown.put("repeat", null);
        assertThat(show).hasStatusOk().bodyJson().extractingPath("$.phases[0].gate").isEqualTo(shown);
    }

    @Test
    void anAutoPhaseIsShownAsWrittenWithoutAgentsUntilARunChoosesThem() {
        AutoSelection auto = new AutoSelection(scope -> "", "{{params.task}}", new AutoSelection.From("engineering", List.of()),
                new AutoSelection.Counts(2, 3, 4), List.of("t"), new AutoSelection.Rules(List.of("billing"), null),
                List.of(agent("t"), agent("u"), agent("v"), agent("w")));
        WorkflowDefinition chosen = new WorkflowDefinition("chosen", null, List.of(), List.of(new PhaseDefinition("plan", List.of(), 4,
                null, MinSuccess.ALL, GateDefinition.NONE, auto)), null);
        given(catalog.require("chosen")).willReturn(chosen);

        MvcTestResult show = mvc.get().uri("/api/workflows/chosen").with(viewer()).exchange();

        assertThat(show).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"name": "chosen", "description": null, "parameters": [],
                 "phases": [{"name": "plan", "agents": [], "parallelism": 4, "timeout": null, "minSuccess": "100%",
                             "requiredSuccesses": null, "gate": null,
                             "auto": {"task": "{{params.task}}", "from": {"category": "engineering", "agents": null},
                                      "counts": {"simple": 2, "standard": 3, "complex": 4}, "always": ["t"],
                                      "rules": {"complex": ["billing"], "simple": null}}}]}""");
    }

    private static WorkflowDefinition typed() {
        return new WorkflowDefinition("typed", "counts things", List.of(
                new ParameterDefinition("count", ParameterDefinition.Type.INTEGER, true, null, "how many"),
                new ParameterDefinition("mode", ParameterDefinition.Type.STRING, false, "fast", null)),
                List.of(new PhaseDefinition("only", List.of(agent("t"), agent("u")), 2, Duration.ofMinutes(5),
                        new MinSuccess(null, 50))), null);
    }

    private static PreparedAgent agent(String name) {
        return new PreparedAgent(new AgentDefinition(name, "simulated", null, null, List.of(), null, null, null, 0, "",
                null, null, 0), null, null, null, "fingerprint-" + name);
    }
}
