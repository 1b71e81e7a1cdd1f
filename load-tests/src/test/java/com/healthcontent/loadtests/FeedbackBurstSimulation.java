package com.healthcontent.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reader feedback at a fixed arrival rate through the gateway, every submission from a different reader (user
 * agent). The number accepted (202) is written for the reconciliation: accepted = stored = published = counted.
 */
public class FeedbackBurstSimulation extends Simulation {

    static final int PER_SECOND = Integer.getInteger("feedbackPerSecond", 1000);
    static final AtomicLong readers = new AtomicLong();
    /** Readers of every run are new readers: a rerun on the same day is not refused as second votes. */
    static final long RUN = System.currentTimeMillis();
    static final AtomicLong accepted = new AtomicLong();

    {
        // Thirty seconds of sixteen readers submitting one after another first, recorded apart: the services' JIT
        // compiles the submission path, as it would have long before any real burst. A fixed number of concurrent
        // readers cannot overload a cold stack the way a fixed arrival rate did (at 200/s a just-started stack fell
        // behind and the burst began on top of its backlog). Accepted warm-up submissions count in the
        // reconciliation like all others.
        var warmUp = scenario("feedback warm-up").exec(submission("feedback warm-up"));
        var burst = scenario("feedback burst").exec(submission("submit feedback"));
        setUp(warmUp.injectClosed(constantConcurrentUsers(16).during(Duration.ofSeconds(30)))
                .andThen(burst.injectOpen(constantUsersPerSec(PER_SECOND).during(Duration.ofSeconds(Targets.SECONDS)))))
                .protocols(http.shareConnections());
    }

    private static ChainBuilder submission(String name) {
        return Recorder.timed(name, http(name)
                .post(Targets.GATEWAY + "/api/v1/feedback")
                .header("Content-Type", "application/json")
                .header("User-Agent", session -> "load-reader-" + RUN + "-" + readers.incrementAndGet())
                .body(StringBody(session -> "{\"target\": {\"type\": \"ARTICLE\", \"id\": \"" + Targets.ARTICLE
                        + "\"}, \"helpful\": " + (readers.get() % 3 != 0) + "}"))
                .check(status().is(202), status().saveAs("status"))).exec(session -> {
                    if (session.contains("status") && session.getInt("status") == 202) {
                        accepted.incrementAndGet();
                    }
                    return session;
                });
    }

    @Override
    public void after() {
        Recorder.write();
        try {
            Path results = Path.of(Targets.RESULTS);
            Files.createDirectories(results);
            Files.writeString(results.resolve("feedback-accepted.txt"), Long.toString(accepted.get()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
