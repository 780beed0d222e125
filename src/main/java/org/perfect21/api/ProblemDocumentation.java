package org.perfect21.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problem answers of each operation in OpenAPI: those it declares with
 * {@link ApiProblem}, and those every API operation can give.
 */
@Component
class ProblemDocumentation implements OperationCustomizer, OpenApiCustomizer {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!handlerMethod.getBeanType().getPackageName().equals(getClass().getPackageName())) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (ApiProblem problem : handlerMethod.getMethod().getAnnotationsByType(ApiProblem.class)) {
            responses.addApiResponse(String.valueOf(problem.status()), problem(problem.description()));
        }
        responses.putIfAbsent("401", problem("missing or invalid bearer token (WWW-Authenticate: Bearer)"));
        responses.putIfAbsent("403", problem("the token's role is too low for this operation"));
        responses.putIfAbsent("500", problem("unexpected server error; the answer carries an error id that is in the log"));
        operation.setResponses(responses);
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        ModelConverters.getInstance().read(ProblemDetail.class).forEach((name, schema) -> {
            if (openApi.getComponents().getSchemas() == null || !openApi.getComponents().getSchemas().containsKey(name)) {
                openApi.getComponents().addSchemas(name, schema);
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
    }
}
