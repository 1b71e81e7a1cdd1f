package com.healthcontent.auth.account;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused staff API call (accounts, passkeys, the passkey setting) as an RFC 9457 problem naming the field. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class StaffApiRefusals {

    @ExceptionHandler(StaffAdministration.Refused.class)
    ResponseEntity<ProblemDetail> refused(StaffAdministration.Refused refused) {
        HttpStatus status = HttpStatus.valueOf(refused.status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
        problem.setTitle(status.getReasonPhrase());
        if (refused.field != null) {
            problem.setProperty("errors", List.of(Map.of("field", refused.field, "message", refused.getMessage())));
        }
        return ResponseEntity.status(status).body(problem);
    }
}
