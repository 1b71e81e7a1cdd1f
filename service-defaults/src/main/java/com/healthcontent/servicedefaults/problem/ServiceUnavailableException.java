package com.healthcontent.servicedefaults.problem;

/** Something the request needs is not available yet or for now (503); {@code Retry-After} tells when to try again. */
public class ServiceUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public ServiceUnavailableException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
