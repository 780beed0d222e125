package org.perfect21.api.problem;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): errors raised outside Spring MVC (servlet filters, the
 * container itself) are answered as problem documents too. Its presence replaces Boot's
 * {@code BasicErrorController}. The detail is generic per status: the underlying message may come from
 * anywhere and is not shown.
 */
@Hidden
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = status(request);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request, path));
        problem.setTitle(Problems.title(status));
        problem.setInstance(Problems.instance(path));
        if (status.is5xxServerError()) {
            String errorId = UUID.randomUUID().toString();
            problem.setDetail("An unexpected error occurred; quote error id " + errorId + " when reporting it.");
            problem.setProperty("errorId", errorId);
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Error {} on {} (status {})", errorId, path, status.value(),
                    failure instanceof Throwable t ? t : null);
        }
        // A preset content type skips content negotiation: the problem is sent whatever the client accepts.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(problem);
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value <= 599) {
            return HttpStatusCode.valueOf(value);
        }
        // Reached directly, not as an error dispatch: nothing is there.
        return code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detail(HttpStatusCode status, HttpServletRequest request, String path) {
        return switch (status.value()) {
            case 400 -> "The request is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The request is not allowed.";
            case 404 -> "There is nothing at " + request.getMethod() + " " + path + ".";
            case 405 -> "The method " + request.getMethod() + " is not allowed on " + path + ".";
            case 413 -> "The request body is too large.";
            default -> "The request failed with status " + status.value() + ".";
        };
    }
}
