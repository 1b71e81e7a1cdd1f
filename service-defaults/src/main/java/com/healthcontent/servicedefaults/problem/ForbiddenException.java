package com.healthcontent.servicedefaults.problem;

import org.springframework.http.HttpStatus;

/**
 * The caller is signed in but this resource is not theirs to change (403), a rule that depends on the
 * resource (its author, its assigned reviewers) and so cannot be expressed as a role check.
 */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, "Forbidden", message);
    }
}
