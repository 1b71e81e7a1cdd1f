package com.healthcontent.servicedefaults.problem;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Something the request needs is not available yet or for now (503); {@code Retry-After} tells when to try again. */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
        retryAfter(Duration.ofSeconds(retryAfterSeconds));
    }
}
