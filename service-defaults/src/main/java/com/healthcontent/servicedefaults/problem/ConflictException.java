package com.healthcontent.servicedefaults.problem;

/** The request is valid but the resource is not in a state that allows it (409), e.g. an illegal workflow step. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
