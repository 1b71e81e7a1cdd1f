package com.healthcontent.servicedefaults.problem;

import com.healthcontent.servicedefaults.web.RequestBodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error a service answers is RFC 9457 problem details ({@code application/problem+json}); validation
 * errors carry an {@code errors} array of {@code {field, message}} so a client can point at the input. The
 * domain's refusals are {@link ProblemException}s, which Spring MVC answers itself; this class adds the request's
 * path as {@code instance} and answers what is not one (bean validation, unreadable bodies, the database).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String ERRORS = "errors";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException ex, WebRequest request) {
        return problem(
                HttpStatus.CONFLICT,
                "Conflict",
                "A resource with the same unique value already exists.",
                List.of(),
                request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex, WebRequest request) {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "Precondition failed",
                "The resource was changed by someone else meanwhile; reload it and apply your change again.",
                List.of(),
                request);
    }

    /** MongoDB unreachable: the request can succeed later, so 503 with a hint when to retry, not a 500. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> databaseUnavailable(DataAccessResourceFailureException ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now; nothing was changed. Try again shortly.");
        problem.setTitle("Service unavailable");
        withInstance(problem, request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /**
     * Anything unexpected is a 500 problem without internals; security exceptions go on to the security filters,
     * which answer 401 or 403.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException ex, WebRequest request) {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        log.error("Unexpected error", ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; it has been logged.",
                List.of(),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
        return problem(
                HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.", violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> violations.add(new FieldViolation(
                                parameterName(result.getMethodParameter().getParameterName(), error),
                                error.getDefaultMessage()))));
        return problem(
                HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid parameters.", violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "A required parameter is missing.",
                List.of(new FieldViolation(ex.getParameterName(), "is required")),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "A parameter has an invalid value.",
                List.of(new FieldViolation(field, expected(ex.getRequiredType()))),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Request body too large",
                        tooLarge.getMessage(),
                        List.of(),
                        request);
            }
            if (cause instanceof InvalidInputException invalid) {
                String path = jsonPath(ex);
                InvalidInputException placed = path.isEmpty() ? invalid : invalid.under(path);
                return handleErrorResponseException(placed, placed.getHeaders(), placed.getStatusCode(), request);
            }
        }
        String path = jsonPath(ex);
        if (!path.isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "A field has a value of the wrong type.",
                    List.of(new FieldViolation(path, expected(targetType(ex)))),
                    request);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The request body is missing or is not valid JSON.",
                List.of(),
                request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            withInstance(problem, request);
            HttpHeaders writable = new HttpHeaders(); // the headers passed in may be read-only
            headers.forEach(writable::addAll);
            writable.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, writable, statusCode, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(
            HttpStatus status, String title, String detail, List<FieldViolation> violations, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty(ERRORS, violations);
        }
        withInstance(problem, request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void withInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                problem.setInstance(URI.create(servletRequest.getRequestURI()));
            }
        }
    }

    /**
     * What a value of this type looks like, for a client that sent something else: the allowed values of an enum,
     * the format of a date or time with an example.
     */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be a date and time in ISO 8601 with its offset, e.g. 2026-12-01T08:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be a date in ISO 8601, e.g. 2026-12-01";
        }
        if (type == LocalTime.class) {
            return "must be a time of day, e.g. 22:00";
        }
        if (type == Duration.class) {
            return "must be a duration in ISO 8601, e.g. PT30M or P30D";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has a value of the wrong type or format";
    }

    private static @Nullable Class<?> targetType(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatched) {
                return mismatched.getTargetType();
            }
        }
        return null;
    }

    /** The JSON path of the value Jackson could not bind, e.g. {@code dose.repetitions.min}. */
    private static String jsonPath(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.toString();
            }
        }
        return "";
    }

    private static String parameterName(@Nullable String parameter, Object error) {
        if (error instanceof FieldError fieldError) {
            return fieldError.getField();
        }
        return parameter == null ? "parameter" : parameter;
    }
}
