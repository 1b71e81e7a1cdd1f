package com.healthcontent.servicedefaults.problem;

/** The client's {@code If-Match} names a version that is no longer current (412): reload and try again. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
