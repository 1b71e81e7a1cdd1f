package com.healthcontent.servicedefaults.problem;

/** An update without {@code If-Match} (428): without it two editors would silently overwrite each other. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
