package org.perfect21.api.problem;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Turns the exceptions of Spring MVC, and any exception nothing else handles, into problem documents.
 * It has the lowest precedence: an advice for domain exceptions ordered before it wins for its types.
 * Details never carry class names, exception messages of unknown origin or stack traces.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Anything unexpected: a 500 whose error id leads from the answer to the logged stack trace. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (declared != null && declared.code() != HttpStatus.INTERNAL_SERVER_ERROR) {
            // An exception that declares its status keeps it, as it would without this catch-all.
            String detail = declared.reason().isEmpty() ? "The request failed." : declared.reason();
            return problem(e, declared.code(), detail, new HttpHeaders(), request);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {}", errorId, path(request), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote error id " + errorId + " when reporting it.");
        problem.setProperty("errorId", errorId);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Security exceptions raised inside a handler belong to Spring Security's filters (401/403), not to the 500 above. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException e) {
        throw e;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.findIn(e);
        if (tooLarge != null) {
            headers.set(HttpHeaders.CONNECTION, "close");
            return problem(e, HttpStatus.CONTENT_TOO_LARGE, BodySizeLimitFilter.tooLarge(tooLarge.limit()), headers, request);
        }
        return problem(e, HttpStatus.BAD_REQUEST, unreadableBody(e), headers, request);
    }

    /** Says what is wrong with the body in the client's terms: position and field, not Jackson's message. */
    static String unreadableBody(HttpMessageNotReadableException e) {
        JacksonException jackson = e.getCause() instanceof JacksonException j ? j : null;
        if (jackson instanceof StreamReadException) {
            return "The request body is not valid JSON" + at(jackson.getLocation()) + ".";
        }
        if (jackson instanceof DatabindException) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "The request body does not have the expected form"
                    + (field.isEmpty() ? "" : " at field '" + field + "'") + at(jackson.getLocation()) + ".";
        }
        if (e.getCause() == null) {
            return "The request body is missing.";
        }
        return "The request body could not be read.";
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : "parameter '" + e.getPropertyName() + "'";
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return problem(e, status, "The value " + quote(e.getValue()) + " of " + name + " is not " + expected + ".", headers,
                request);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a valid value";
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String given = e.getContentType() == null ? "A request without Content-Type" : "Content-Type '" + e.getContentType() + "'";
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return problem(e, status, given + " is not supported" + (supported.isEmpty() ? "." : "; use " + supported + "."),
                headers, request);
    }

    /** Constraint violations on handler parameters (e.g. {@code @Min} on a query parameter), each named. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> "parameter '"
                        + result.getMethodParameter().getParameterName() + "': " + quote(result.getArgument()) + " "
                        + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return problem(e, status, detail.isEmpty() ? "Invalid request parameters." : detail + ".", headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(e, status, "There is nothing at " + e.getHttpMethod() + " " + path(request) + ".", headers, request);
    }

    /** Every problem names the request path as its instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() == null) {
                problem.setInstance(Problems.instance(path(request)));
            }
            if (problem.getTitle() == null || problem.getTitle().isEmpty()) {
                problem.setTitle(Problems.title(status));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatusCode status, String detail, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }
}
