package org.perfect21.api.problem;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem documents the same way wherever an error is answered. */
public final class Problems {

    private Problems() {
    }

    /** A problem with the status's reason phrase as title and the request path as instance. */
    public static ProblemDetail of(HttpStatusCode status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        if (request != null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        return problem;
    }

    static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            // A path the URI parser rejects is not worth a second error.
            return null;
        }
    }
}
