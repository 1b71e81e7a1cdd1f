package com.healthcontent.servicedefaults.problem;

import org.springframework.http.HttpStatus;

/** The request is valid but the resource is not in a state that allows it (409), e.g. an illegal workflow step. */
public class ConflictException extends ProblemException {

    public ConflictException(String message) {
        super(HttpStatus.CONFLICT, "Conflict", message);
    }
}
