package org.perfect21.api;

import org.assertj.core.api.ThrowingConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokens of the {@link ApiSliceTest} slice, requests made with them, and what a problem answer must look like. */
public final class ApiSlice {

    public static final String VIEWER = "viewer-slice-token-0123456789";
    public static final String OPERATOR = "operator-slice-token-0123456789";
    public static final String ADMIN = "admin-slice-token-0123456789";
    static final String TOKENS = "viewer:" + VIEWER + ",operator:" + OPERATOR + ",admin:" + ADMIN;

    private ApiSlice() {
    }

    public static RequestPostProcessor viewer() {
        return token(VIEWER);
    }

    public static RequestPostProcessor operator() {
        return token(OPERATOR);
    }

    public static RequestPostProcessor admin() {
        return token(ADMIN);
    }

    /** {@code Authorization: Bearer <token>}. */
    public static RequestPostProcessor token(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    /**
     * An RFC 9457 answer: the status, {@code application/problem+json}, a title, exactly this detail, the request path as
     * instance, and no class names.
     */
    public static ThrowingConsumer<MvcTestResult> problem(int status, String detail) {
        return result -> {
            assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
            assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
            assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(result.getRequest().getRequestURI());
            assertThat(result).bodyText().doesNotContain("Exception", "\tat ");
        };
    }
}
