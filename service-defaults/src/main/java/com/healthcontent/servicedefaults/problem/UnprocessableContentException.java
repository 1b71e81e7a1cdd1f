package com.healthcontent.servicedefaults.problem;

import java.util.List;

/**
 * Content that is valid as data but cannot take the requested step (422), e.g. a citation marker with no
 * reference when an article is submitted. Drafts may be incomplete; workflow steps may not.
 */
public class UnprocessableContentException extends RuntimeException {

    private final List<FieldViolation> violations;

    public UnprocessableContentException(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
