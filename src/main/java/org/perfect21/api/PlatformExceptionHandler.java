package org.perfect21.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.perfect21.execution.RunNotRestartableException;
import org.perfect21.history.NoSuchOutputException;
import org.perfect21.history.NoSuchRunException;
import org.perfect21.launch.IdempotencyConflictException;
import org.perfect21.launch.LaunchesClosedException;
import org.perfect21.launch.QueueFullException;
import org.perfect21.launch.RunNotStoppableException;
import org.perfect21.report.InvalidReportParametersException;
import org.perfect21.report.NoSuchReportException;
import org.perfect21.retention.PurgeInProgressException;
import org.perfect21.workflow.InvalidDefinitionsException;
import org.perfect21.workflow.InvalidParametersException;
import org.perfect21.workflow.NoSuchWorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the platform's own exceptions into RFC 9457 problems with the status each means. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlatformExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    @ExceptionHandler({NoSuchWorkflowException.class, NoSuchRunException.class, NoSuchOutputException.class,
            org.perfect21.schedule.NoSuchScheduleException.class, NoSuchReportException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(InvalidParametersException.class)
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParametersException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "Invalid parameters",
                String.join("; ", e.problems()), request);
        answer.getBody().setProperty("errors", List.copyOf(e.problems()));
        return answer;
    }

    @ExceptionHandler(InvalidReportParametersException.class)
    ResponseEntity<ProblemDetail> invalidReportParameters(InvalidReportParametersException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "Invalid parameters", e.getMessage(), request);
        answer.getBody().setProperty("errors", e.problems().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(p -> p.getKey() + ": " + p.getValue()).toList());
        answer.getBody().setProperty("parameters", e.parameters());
        return answer;
    }

    @ExceptionHandler(ApiRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(ApiRequestException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), request);
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage(), request);
    }

    @ExceptionHandler({RunNotRestartableException.class, RunNotStoppableException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Conflict with the run's state", e.getMessage(), request);
    }

    @ExceptionHandler(PurgeInProgressException.class)
    ResponseEntity<ProblemDetail> purgeRunning(PurgeInProgressException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Purge running", e.getMessage(), request);
    }

    @ExceptionHandler(QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(QueueFullException e, HttpServletRequest request) {
        return withRetryAfter(problem(HttpStatus.TOO_MANY_REQUESTS, "Launch queue full", e.getMessage(), request),
                e.retryAfterSeconds());
    }

    @ExceptionHandler(LaunchesClosedException.class)
    ResponseEntity<ProblemDetail> closed(LaunchesClosedException e, HttpServletRequest request) {
        return withRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "Shutting down", e.getMessage(), request), 10);
    }

    /** Definitions on the server do not load: the operator must fix files; the client cannot. */
    @ExceptionHandler(InvalidDefinitionsException.class)
    ResponseEntity<ProblemDetail> brokenDefinitions(InvalidDefinitionsException e, HttpServletRequest request) {
        log.error("Definitions in the jobs directory do not load: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Definitions do not load",
                "the server's workflow definitions are invalid; an operator must fix them (see `validate`)", request);
    }

    private static ResponseEntity<ProblemDetail> withRetryAfter(ResponseEntity<ProblemDetail> answer, long seconds) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(answer.getBody());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
