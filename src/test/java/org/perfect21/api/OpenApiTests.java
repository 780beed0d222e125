package org.perfect21.api;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** springdoc 3 on Boot 4: the document and Swagger UI are served, open, with the bearer scheme. */
class OpenApiTests extends ApiTestSupport {

    @Test
    void theOpenApiDocumentIsOpenAndDeclaresBearerAuthGlobally() {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.at("/info/title").asString()).isEqualTo("Perfect21 API");
        assertThat(document.at("/info/version").asString()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/bearerAuth/type").asString()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0/bearerAuth").isArray()).isTrue();
        assertThat(document.at("/paths").has("/api/test-probe")).isTrue();
        assertThat(document.at("/paths").has("/error")).isFalse();
    }

    @Test
    void swaggerUiIsOpen() {
        assertThat(get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
        HttpResponse<String> page = get("/swagger-ui/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }
}
