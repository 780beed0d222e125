package org.perfect21.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.perfect21.api.problem.ProblemResponseWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a problem document; the token is never echoed. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter problems;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean invalid = failure instanceof BadCredentialsException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                invalid ? "Bearer realm=\"perfect21\", error=\"invalid_token\"" : "Bearer realm=\"perfect21\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, invalid
                ? "The bearer token is missing or invalid: this token is not accepted."
                : "The bearer token is missing or invalid: send Authorization: Bearer <token>.");
    }
}
