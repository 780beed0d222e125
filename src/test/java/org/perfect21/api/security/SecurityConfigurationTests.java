package org.perfect21.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfect21.api.ApiSlice;
import org.perfect21.api.ApiSliceTest;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunQueries;
import org.perfect21.history.RunStatus;
import org.perfect21.launch.Launch;
import org.perfect21.launch.RunLauncher;
import org.perfect21.optimizer.DecisionLog;
import org.perfect21.report.ReportCatalog;
import org.perfect21.report.ReportRunner;
import org.perfect21.retention.PurgeRecords;
import org.perfect21.retention.RunPurger;
import org.perfect21.schedule.WorkflowSchedules;
import org.perfect21.workflow.DefinitionCatalog;
import org.perfect21.workflow.Definitions;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.perfect21.api.ApiSlice.operator;
import static org.perfect21.api.ApiSlice.problem;
import static org.perfect21.api.ApiSlice.token;
import static org.perfect21.api.ApiSlice.viewer;

/**
 * The role rules of every endpoint (viewer reads, operator changes, admin reports and {@code /api/admin/**}) and the
 * 401 and 403 problems, in the web slice: a refused request never reaches a collaborator.
 */
@ApiSliceTest
class SecurityConfigurationTests {

    /** Every endpoint of the API, the weakest role that may call it, and what it answers then (collaborators stubbed). */
    enum Endpoint {
        LIST_WORKFLOWS(HttpMethod.GET, "/api/workflows", Role.VIEWER, 200),
        SHOW_WORKFLOW(HttpMethod.GET, "/api/workflows/{name}", Role.VIEWER, 200),
        LAUNCH(HttpMethod.POST, "/api/workflows/{name}/runs", Role.OPERATOR, 202),
        LIST_RUNS(HttpMethod.GET, "/api/runs", Role.VIEWER, 200),
        SHOW_RUN(HttpMethod.GET, "/api/runs/{runId}", Role.VIEWER, 200),
        OUTPUT(HttpMethod.GET, "/api/runs/{runId}/agents/{agent}/output", Role.VIEWER, 200),
        STOP(HttpMethod.POST, "/api/runs/{runId}/stop", Role.OPERATOR, 202),
        RESTART(HttpMethod.POST, "/api/runs/{runId}/restart", Role.OPERATOR, 202),
        LIST_SCHEDULES(HttpMethod.GET, "/api/schedules", Role.VIEWER, 200),
        PAUSE_SCHEDULE(HttpMethod.POST, "/api/schedules/{workflow}/pause", Role.OPERATOR, 200),
        RESUME_SCHEDULE(HttpMethod.POST, "/api/schedules/{workflow}/resume", Role.OPERATOR, 200),
        LIST_REPORTS(HttpMethod.GET, "/api/reports", Role.ADMIN, 200),
        RUN_REPORT(HttpMethod.GET, "/api/reports/{name}", Role.ADMIN, 200),
        PURGE(HttpMethod.POST, "/api/admin/purge", Role.ADMIN, 200),
        LIST_PURGES(HttpMethod.GET, "/api/admin/purges", Role.ADMIN, 200),
        DECISIONS(HttpMethod.GET, "/api/optimizer/decisions", Role.VIEWER, 200);

        final HttpMethod method;
        final String pattern;
        final Role needs;
        final int answers;

        Endpoint(HttpMethod method, String pattern, Role needs, int answers) {
            this.method = method;
            this.pattern = pattern;
            this.needs = needs;
            this.answers = answers;
        }

        String path() {
            return pattern.replace("{name}", "quick").replace("{runId}", "r-1").replace("{agent}", "q")
                    .replace("{workflow}", "yearly");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final Map<Role, String> TOKENS = Map.of(Role.VIEWER, ApiSlice.VIEWER, Role.OPERATOR, ApiSlice.OPERATOR,
            Role.ADMIN, ApiSlice.ADMIN);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RunLauncher launcher;
    @Autowired
    WorkflowRunner runner;
    @Autowired
    RunQueries queries;
    @Autowired
    DefinitionCatalog catalog;
    @Autowired
    WorkflowSchedules schedules;
    @Autowired
    ReportCatalog reports;
    @Autowired
    ReportRunner reportRunner;
    @Autowired
    RunPurger purger;
    @Autowired
    PurgeRecords purges;
    @Autowired
    DecisionLog decisions;

    @BeforeEach
    void collaboratorsAnswer() {
        given(catalog.current()).willReturn(new Definitions(Map.of(), Map.of(), List.of()));
        given(catalog.require(anyString())).willReturn(new WorkflowDefinition("quick", null, List.of(), List.of(), null));
        given(launcher.launch(any(), anyMap(), any(), any())).willReturn(new Launch("r-1", RunStatus.QUEUED, false));
        given(launcher.restart(any())).willReturn(new Launch("r-1", RunStatus.QUEUED, false));
        given(queries.outputs(any(), any())).willReturn(List.of(new RunQueries.StoredOutput("only", AgentStatus.COMPLETED,
                "out", false, 1)));
    }

    @Test
    void everyEndpointOfTheControllersIsInTheRoleTable(@Autowired RequestMappingHandlerMapping mappings) {
        Set<String> mapped = mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getPackageName().equals("org.perfect21.api"))
                .filter(mapping -> !mapping.getValue().getBeanType().isAnnotationPresent(TestComponent.class))
                .flatMap(mapping -> mapping.getKey().getMethodsCondition().getMethods().stream()
                        .flatMap(method -> mapping.getKey().getPatternValues().stream().map(pattern -> method + " " + pattern)))
                .collect(Collectors.toSet());

        assertThat(mapped).isEqualTo(Arrays.stream(Endpoint.values()).map(Endpoint::toString).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void withoutATokenEveryEndpointIsUnauthorizedWithABearerChallenge(Endpoint endpoint) {
        MvcTestResult answer = mvc.method(endpoint.method).uri(endpoint.path()).exchange();

        assertThat(answer).satisfies(problem(401, "The bearer token is missing or invalid: send Authorization: Bearer <token>."))
                .hasHeader("WWW-Authenticate", "Bearer realm=\"perfect21\"");
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo("Unauthorized");
        assertNothingReached();
    }

    static Stream<Arguments> rolesTooWeak() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Role.values())
                .filter(role -> role.compareTo(endpoint.needs) < 0).map(role -> arguments(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rolesTooWeak")
    void aRoleBelowTheOneAnEndpointNeedsIsForbiddenNamingTheRoleNeeded(Endpoint endpoint, Role role) {
        MvcTestResult answer = mvc.method(endpoint.method).uri(endpoint.path()).with(token(TOKENS.get(role))).exchange();

        assertThat(answer).satisfies(problem(403, "This request requires the " + endpoint.needs.label() + " role."));
        assertNothingReached();
    }

    static Stream<Arguments> rolesStrongEnough() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Role.values())
                .filter(role -> role.compareTo(endpoint.needs) >= 0).map(role -> arguments(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rolesStrongEnough")
    void theRoleAnEndpointNeedsAndEveryRoleAboveItAreLetThrough(Endpoint endpoint, Role role) {
        MvcTestResult answer = mvc.method(endpoint.method).uri(endpoint.path()).with(token(TOKENS.get(role))).exchange();

        assertThat(answer).hasStatus(endpoint.answers);
    }

    @Test
    void aWrongTokenIsUnauthorizedAsAnInvalidTokenAndIsNotEchoed() {
        String wrong = "not-a-token-of-this-server-4711";

        MvcTestResult answer = mvc.get().uri("/api/runs").with(token(wrong)).exchange();

        assertThat(answer).satisfies(problem(401, "The bearer token is missing or invalid: this token is not accepted."))
                .hasHeader("WWW-Authenticate", "Bearer realm=\"perfect21\", error=\"invalid_token\"");
        assertThat(answer).bodyText().doesNotContain(wrong);
        assertNothingReached();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer ", "Bearer    ", "Token " + ApiSlice.ADMIN, ApiSlice.ADMIN})
    void anAuthorizationHeaderWithoutABearerTokenIsUnauthorized(String header) {
        MvcTestResult answer = mvc.get().uri("/api/runs").header("Authorization", header).exchange();

        assertThat(answer).satisfies(problem(401, "The bearer token is missing or invalid: this token is not accepted."))
                .hasHeader("WWW-Authenticate", "Bearer realm=\"perfect21\", error=\"invalid_token\"");
        assertNothingReached();
    }

    @Test
    void theBearerSchemeIsReadWhateverItsCase() {
        MvcTestResult answer = mvc.get().uri("/api/runs").header("Authorization", "bEARER " + ApiSlice.VIEWER).exchange();

        assertThat(answer).hasStatusOk();
    }

    @Test
    void anyMethodButGetAndHeadUnderTheApiNeedsAnOperator() {
        MvcTestResult viewerDelete = mvc.delete().uri("/api/runs/r-1").with(viewer()).exchange();
        MvcTestResult operatorDelete = mvc.delete().uri("/api/runs/r-1").with(operator()).exchange();
        MvcTestResult viewerHead = mvc.head().uri("/api/runs").with(viewer()).exchange();

        assertThat(viewerDelete).satisfies(problem(403, "This request requires the operator role."));
        assertThat(operatorDelete).as("let through, then no handler").satisfies(problem(405, "Method 'DELETE' is not supported."));
        assertThat(viewerHead).hasStatusOk();
    }

    @Test
    void anAccessDeniedExceptionInsideAControllerIsForbiddenAndNotAServerError() {
        given(runner.document("r-1")).willThrow(new AccessDeniedException("secret-internal-detail-42"));

        MvcTestResult answer = mvc.get().uri("/api/runs/r-1").with(viewer()).exchange();

        assertThat(answer).satisfies(problem(403, "This request requires a higher role."));
        assertThat(answer).bodyText().doesNotContain("secret-internal-detail-42");
    }

    @Test
    void pathsOutsideTheApiNeedAToken() {
        MvcTestResult anonymous = mvc.get().uri("/somewhere").exchange();
        MvcTestResult viewer = mvc.get().uri("/somewhere").with(viewer()).exchange();

        assertThat(anonymous).hasStatus(401);
        assertThat(viewer).satisfies(problem(404, "There is nothing at GET /somewhere."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/metrics", "/actuator/prometheus", "/actuator/info"})
    void actuatorEndpointsButHealthAreForAdminsOnly(String path) {
        MvcTestResult anonymous = mvc.get().uri(path).exchange();
        MvcTestResult viewer = mvc.get().uri(path).with(viewer()).exchange();
        MvcTestResult operator = mvc.get().uri(path).with(operator()).exchange();

        assertThat(anonymous).hasStatus(401);
        assertThat(viewer).satisfies(problem(403, "This request requires the admin role."));
        assertThat(operator).satisfies(problem(403, "This request requires the admin role."));
    }

    /** The slice serves none of these; that they are 404 and not 401 shows that security let them through. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/v3/api-docs", "/v3/api-docs/swagger-config",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html", "/error"})
    void theOpenEndpointsNeedNoToken(String path) {
        MvcTestResult anonymous = mvc.get().uri(path).exchange();

        assertThat(anonymous).hasStatus(404);
    }

    private void assertNothingReached() {
        verifyNoInteractions(launcher, runner, queries, catalog, schedules, reports, reportRunner, purger, purges, decisions);
    }
}
