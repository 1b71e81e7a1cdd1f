package com.healthcontent.servicedefaults.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The broken rules of one value, gathered before refusing it, so that a client learns every field to fix from one
 * answer rather than one per attempt.
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    /** Notes {@code message} for {@code field} unless {@code holds}. */
    public Violations require(boolean holds, String field, String message) {
        if (!holds) {
            found.add(new FieldViolation(field, message));
        }
        return this;
    }

    /** 400 naming every field noted, if any was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
