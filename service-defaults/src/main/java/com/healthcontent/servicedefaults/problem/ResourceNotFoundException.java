package com.healthcontent.servicedefaults.problem;

public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
