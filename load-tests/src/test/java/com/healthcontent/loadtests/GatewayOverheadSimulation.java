package com.healthcontent.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same article read under the same closed load (a fixed number of concurrent readers, each replaced as soon as
 * its request completes), one phase after the other: straight to article-service, through the gateway with its
 * response cache, and through the gateway with the cache missed on purpose (a unique query string).
 */
public class GatewayOverheadSimulation extends Simulation {

    static final int READERS = Integer.getInteger("readers", 16);
    static final AtomicLong miss = new AtomicLong();

    static ScenarioBuilder read(String name, String base, boolean bustCache) {
        return scenario(name).exec(Recorder.timed(name, http(name).get(session -> base + "/api/v1/articles/"
                + Targets.ARTICLE + (bustCache ? "?nocache=" + miss.incrementAndGet() : "")).check(status().is(200))));
    }

    {
        Duration each = Duration.ofSeconds(Targets.SECONDS);
        setUp(read("direct article-service", Targets.ARTICLE_SERVICE, false)
                .injectClosed(constantConcurrentUsers(READERS).during(each))
                .andThen(read("gateway cached", Targets.GATEWAY, false)
                        .injectClosed(constantConcurrentUsers(READERS).during(each))
                        .andThen(read("gateway uncached", Targets.GATEWAY, true)
                                .injectClosed(constantConcurrentUsers(READERS).during(each)))))
                .protocols(http.shareConnections());
    }

    @Override
    public void after() {
        Recorder.write();
    }
}
