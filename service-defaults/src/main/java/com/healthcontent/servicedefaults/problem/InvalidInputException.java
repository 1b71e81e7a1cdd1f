package com.healthcontent.servicedefaults.problem;

import java.util.List;

/**
 * A request that is well-formed JSON but breaks a rule of the domain (400). Domain records throw it from
 * their constructors so that an invalid value can never exist, and the client learns which field to fix.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Prefixes every field, so a nested record's rule names its place in the request ({@code sections[2].body}). */
    public InvalidInputException under(String prefix) {
        return new InvalidInputException(violations.stream()
                .map(v -> new FieldViolation(prefix + "." + v.field(), v.message()))
                .toList());
    }
}
