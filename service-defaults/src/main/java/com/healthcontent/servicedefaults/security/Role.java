package com.healthcontent.servicedefaults.security;

/** Staff roles carried in the {@code roles} claim of a token; readers are anonymous and have none. */
public enum Role {
    AUTHOR,
    EDITOR,
    MEDICAL_REVIEWER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
