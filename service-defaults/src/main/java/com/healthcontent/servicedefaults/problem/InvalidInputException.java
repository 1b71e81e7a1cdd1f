package com.healthcontent.servicedefaults.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request that is well-formed JSON but breaks a rule of the domain (400). Domain records throw it from
 * their constructors so that an invalid value can never exist, and the client learns which field to fix.
 */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public InvalidInputException(List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.", violations);
    }

    /** Which fields were wrong and why, as logs and tests read it; the problem's detail stays general. */
    @Override
    public String getMessage() {
        return violations().stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }

    /** Prefixes every field, so a nested record's rule names its place in the request ({@code sections[2].body}). */
    public InvalidInputException under(String prefix) {
        return new InvalidInputException(violations().stream()
                .map(v -> new FieldViolation(prefix + "." + v.field(), v.message()))
                .toList());
    }
}
