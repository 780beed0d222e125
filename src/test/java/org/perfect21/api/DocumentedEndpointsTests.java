package org.perfect21.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfect21.testing.DocumentedExample;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint table of {@code src/docs/api.md} is the server as it is: every operation of the OpenAPI document is
 * in it and nothing else, and each row's role is the least that gets through (one below is refused).
 */
class DocumentedEndpointsTests extends ApiTestSupport {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) ([^`]+)` \\| (none|viewer|operator|admin) \\|");
    private static final List<String> ROLES = List.of("none", "viewer", "operator", "admin");
    private static final Map<String, String> TOKENS = Map.of("viewer", VIEWER, "operator", OPERATOR, "admin", ADMIN);

    /** A documented operation and the least role it needs. */
    record Endpoint(String method, String path, String role) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyApiOperationIsInTheTableAndEveryRowIsAnOperation() {
        JsonNode paths = json(get("/v3/api-docs", null)).path("paths");
        TreeSet<String> served = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            if (path.contains("/test-probe")) {
                // The test server's own probe endpoints (TestProbeController).
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                served.add(method.toUpperCase() + " " + path);
            }
        }

        assertThat(documented().stream().filter(e -> e.path().startsWith("/api/")).map(Endpoint::toString).sorted())
                .containsExactlyElementsOf(served);
    }

    @Test
    void eachRowsRoleIsTheLeastThatGetsThrough() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : documented()) {
            int needed = ROLES.indexOf(endpoint.role());
            int allowed = status(endpoint, endpoint.role());
            if (allowed == 401 || allowed == 403) {
                wrong.add(endpoint + ": " + endpoint.role() + " got " + allowed);
            }
            if (needed > 0) {
                String below = ROLES.get(needed - 1);
                int refused = status(endpoint, below);
                int expected = below.equals("none") ? 401 : 403;
                if (refused != expected) {
                    wrong.add(endpoint + ": " + below + " got " + refused + ", not " + expected);
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    private int status(Endpoint endpoint, String role) {
        // Path variables name nothing that exists, so operations that pass the role rules answer 404 and change nothing;
        // the purge is asked for a dry run.
        String path = endpoint.path().replaceAll("\\{[^}]+}", "no-such-thing")
                + (endpoint.path().equals("/api/admin/purge") ? "?dryRun=true" : "");
        HttpRequest.Builder request = request(path, role.equals("none") ? null : TOKENS.get(role));
        HttpResponse<String> answer = send(endpoint.method().equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}")));
        return answer.statusCode();
    }

    private static List<Endpoint> documented() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String line : DocumentedExample.in("src/docs/api.md", "endpoints").lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                endpoints.add(new Endpoint(row.group(1), row.group(2), row.group(3)));
            }
        }
        assertThat(endpoints).as("rows of the endpoint table").hasSizeGreaterThan(10);
        return endpoints;
    }
}
