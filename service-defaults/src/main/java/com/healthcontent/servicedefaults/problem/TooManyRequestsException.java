package com.healthcontent.servicedefaults.problem;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A client over its rate limit (429); {@code retryAfterSeconds} becomes the Retry-After header. */
public class TooManyRequestsException extends ProblemException {

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", message);
        retryAfter(Duration.ofSeconds(retryAfterSeconds));
    }
}
