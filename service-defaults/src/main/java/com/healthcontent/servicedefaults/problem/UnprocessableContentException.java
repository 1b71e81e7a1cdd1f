package com.healthcontent.servicedefaults.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Content that is valid as data but cannot take the requested step (422), e.g. a citation marker with no
 * reference when an article is submitted. Drafts may be incomplete; workflow steps may not.
 */
public class UnprocessableContentException extends ProblemException {

    public UnprocessableContentException(String detail, List<FieldViolation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Content cannot take this step", detail, violations);
    }
}
