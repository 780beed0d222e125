package org.perfect21.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): every operation needs a
 * bearer token; the open endpoints (health, these documents) are open regardless.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiConfiguration {

    static final String BEARER_AUTH = "bearerAuth";

    @Bean
    OpenAPI perfect21OpenApi(ObjectProvider<BuildProperties> build) {
        // build-info.properties is written by the Maven build; a bare IDE run has none.
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return new OpenAPI()
                .info(new Info()
                        .title("Perfect21 API")
                        .version(version)
                        .description("Launch, watch, stop and restart multi-agent workflow runs. Every request needs "
                                + "Authorization: Bearer <token>; roles: viewer (reads), operator (+ launch, stop, "
                                + "restart), admin (+ admin endpoints). Errors are RFC 9457 problem documents."))
                .components(new Components().addSecuritySchemes(BEARER_AUTH, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A token from perfect21.tokens, or the generated admin token in <data-dir>/admin-token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_AUTH));
    }
}
