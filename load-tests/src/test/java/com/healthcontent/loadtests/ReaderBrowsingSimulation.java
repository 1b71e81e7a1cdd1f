package com.healthcontent.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** Readers browsing through the gateway at a fixed arrival rate, in a mix like a health site's traffic. */
public class ReaderBrowsingSimulation extends Simulation {

    static final int PER_SECOND = Integer.getInteger("browsersPerSecond", 100);

    {
        String g = Targets.GATEWAY;
        var browse = scenario("readers browsing")
                .exec(randomSwitch()
                        .on(
                                percent(30)
                                        .then(Recorder.timed(
                                                "article page (composed)",
                                                http("article page (composed)")
                                                        .get(g + "/api/v1/pages/articles/" + Targets.ARTICLE)
                                                        .check(status().is(200)))),
                                percent(25)
                                        .then(Recorder.timed(
                                                "article by slug",
                                                http("article by slug")
                                                        .get(g + "/api/v1/articles/" + Targets.ARTICLE)
                                                        .check(status().is(200)))),
                                percent(15)
                                        .then(Recorder.timed(
                                                "article list",
                                                http("article list")
                                                        .get(g + "/api/v1/articles?size=20")
                                                        .check(status().is(200)))),
                                percent(10)
                                        .then(Recorder.timed(
                                                "search",
                                                http("search")
                                                        .get(g + "/api/v1/articles?q=stretch")
                                                        .check(status().is(200)))),
                                percent(12)
                                        .then(Recorder.timed(
                                                "exercise by slug",
                                                http("exercise by slug")
                                                        .get(g + "/api/v1/exercises/knees-to-chest")
                                                        .check(status().is(200)))),
                                percent(8)
                                        .then(Recorder.timed(
                                                "routine",
                                                http("routine")
                                                        .get(g + "/api/v1/routines/easing-a-stiff-back")
                                                        .check(status().is(200))))));
        setUp(browse.injectOpen(constantUsersPerSec(PER_SECOND).during(Duration.ofSeconds(Targets.SECONDS))))
                .protocols(http.shareConnections());
    }

    @Override
    public void after() {
        Recorder.write();
    }
}
