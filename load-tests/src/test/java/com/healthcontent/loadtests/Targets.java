package com.healthcontent.loadtests;

/** Where the local stack is, from system properties set by load-tests/run.sh. */
final class Targets {

    static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    static final String ARTICLE = "is-it-good-or-bad-to-crack-your-back";
    static final String RESULTS = System.getProperty("results", "target/benchmark");
    static final int SECONDS = Integer.getInteger("seconds", 20);

    private Targets() {}
}
