package com.healthcontent.servicedefaults.problem;

import org.springframework.http.HttpStatus;

/** An update without {@code If-Match} (428): without it two editors would silently overwrite each other. */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException(String message) {
        super(HttpStatus.PRECONDITION_REQUIRED, "Precondition required", message);
    }
}
