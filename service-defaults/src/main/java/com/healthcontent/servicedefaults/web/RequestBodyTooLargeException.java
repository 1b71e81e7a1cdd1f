package com.healthcontent.servicedefaults.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    public RequestBodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
