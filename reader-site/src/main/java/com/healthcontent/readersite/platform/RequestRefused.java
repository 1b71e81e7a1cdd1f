package com.healthcontent.readersite.platform;

/** The API refused what was sent (a 400 problem): the page says so in a reader's words. */
public class RequestRefused extends RuntimeException {
    public RequestRefused() {
        super("refused", null, false, false);
    }
}
