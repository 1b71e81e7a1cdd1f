package com.healthcontent.readersite.platform;

/**
 * The API refused what was sent (a 400 problem). {@code field} and {@code reason} are the first field it named and
 * what it said of it (null when it named none), for the page to tell the reader what to change.
 */
public class RequestRefused extends RuntimeException {
    private final String field;
    private final String reason;

    public RequestRefused(String field, String reason) {
        super("refused", null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
