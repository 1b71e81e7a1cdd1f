package com.healthcontent.servicedefaults.problem;

import org.springframework.http.HttpStatus;

/** What the request names does not exist (404). */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, "Not found", what + " '" + id + "' does not exist");
    }
}
