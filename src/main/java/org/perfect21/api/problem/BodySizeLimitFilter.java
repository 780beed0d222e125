package org.perfect21.api.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request whose body is larger than the limit: at once when its Content-Length says so,
 * or as soon as a body of unknown length (chunked) has been read past the limit. It runs before security,
 * so the answer does not depend on the token.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemResponseWriter problems;

    public BodySizeLimitFilter(DataSize limit, ProblemResponseWriter problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > limit) {
            reject(request, response);
            return;
        }
        HttpServletRequest limited = length < 0 ? new LimitedBodyRequest(request, limit) : request;
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Code that reads the body itself lets the exception through; MVC's readers are handled in ApiExceptionHandler.
            if (BodyTooLargeException.findIn(e) == null || response.isCommitted()) {
                throw e;
            }
            reject(request, response);
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The rest of the body is not read: the connection cannot be reused.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
    }

    static String tooLarge(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes.";
    }
}
