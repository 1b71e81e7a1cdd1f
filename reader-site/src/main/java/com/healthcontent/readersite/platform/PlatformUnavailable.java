package com.healthcontent.readersite.platform;

/** The API did not answer, or not in time: the reader is asked to try again in {@code retryAfterSeconds}. */
public class PlatformUnavailable extends RuntimeException {
    private final long retryAfterSeconds;

    public PlatformUnavailable(String why, long retryAfterSeconds) {
        super(why, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
