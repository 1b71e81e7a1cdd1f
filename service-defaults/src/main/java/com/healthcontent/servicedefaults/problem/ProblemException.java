package com.healthcontent.servicedefaults.problem;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the client can act on, answered as an RFC 9457 problem by Spring MVC itself (ErrorResponseException):
 * the status, a title per kind of refusal, the detail, and the fields that were wrong ({@code errors}). The
 * subclasses are the domain's words for the refusals (409 conflict, 403 forbidden...); none needs a handler.
 */
public abstract class ProblemException extends ErrorResponseException {

    private final List<FieldViolation> violations;

    protected ProblemException(HttpStatus status, String title, String detail, List<FieldViolation> violations) {
        super(status, problem(status, title, detail, violations), null);
        this.violations = List.copyOf(violations);
    }

    protected ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    private static ProblemDetail problem(
            HttpStatus status, String title, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty(ProblemDetailsAdvice.ERRORS, violations);
        }
        return problem;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Tells the client when to try again ({@code Retry-After}, in seconds, at least one). */
    protected void retryAfter(Duration wait) {
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
    }

    /** The detail, as logs and tests read it. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
