package com.healthcontent.servicedefaults.problem;

import org.springframework.http.HttpStatus;

/** The client's {@code If-Match} names a version that is no longer current (412): reload and try again. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String message) {
        super(HttpStatus.PRECONDITION_FAILED, "Precondition failed", message);
    }
}
