package com.healthcontent.servicedefaults.problem;

/** One entry of a problem's {@code errors} array: which field of the request was wrong and why. */
public record FieldViolation(String field, String message) {}
