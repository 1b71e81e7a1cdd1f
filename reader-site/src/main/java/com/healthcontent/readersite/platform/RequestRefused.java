package com.healthcontent.readersite.platform;

/** The API refused what was sent (a 400 problem); the problem's JSON is kept for the page to name the field. */
public class RequestRefused extends RuntimeException {
    private final String problem;

    public RequestRefused(String problem) {
        super("refused", null, false, false);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
