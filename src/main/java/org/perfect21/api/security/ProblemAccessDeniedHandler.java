package org.perfect21.api.security;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.perfect21.api.problem.ProblemResponseWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem document naming the role the request needs, when the authorization rule says so. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String detail = requiredRole(denied)
                .map(role -> "This request requires the " + role.label() + " role.")
                .orElse("This request requires a higher role.");
        problems.write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private static Optional<Role> requiredRole(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
            // hasRole(X) names X; the weakest named role is the one that suffices.
            return decision.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .flatMap(authority -> Role.fromAuthority(authority).stream())
                    .min(Comparator.naturalOrder());
        }
        return Optional.empty();
    }
}
