package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A composed answer's part whose instance died since the last readiness round (so it is still in the rotation): the
 * refused call is made again on the other instance, so no reader's search comes back without exercises, and the
 * dead instance gets nothing more.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.rate-limit.enabled=false",
            // no readiness round after the first one: only the failed connection can take the dead instance out
            "spring.cloud.loadbalancer.health-check.interval=1h",
            "platform.instances.ejection-time=1h"
        })
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class PartFailoverTest {

    static final AtomicInteger toFirst = new AtomicInteger();
    static final AtomicInteger toSecond = new AtomicInteger();
    static final HttpServer articles = StandInService.start(exchange -> searchAnswer("article"));
    static final HttpServer first = StandInService.start(exchange -> {
        toFirst.incrementAndGet();
        return searchAnswer("exercise");
    });
    static final HttpServer second = StandInService.start(exchange -> {
        toSecond.incrementAndGet();
        return searchAnswer("exercise");
    });

    static StandInService.Answer searchAnswer(String type) {
        return new StandInService.Answer(
                200,
                "{\"query\": \"back\", \"total\": 1, \"items\": [{\"type\": \"" + type + "\", \"slug\": \"" + type
                        + "-1\", \"title\": \"T\", \"summary\": \"\", \"score\": 1.0, \"highlights\": []}], "
                        + "\"facets\": {}}");
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("ARTICLE_SERVICE_URL", () -> StandInService.url(articles));
        registry.add(
                "spring.cloud.discovery.client.simple.instances.exercise-service[0].uri",
                () -> StandInService.url(first));
        registry.add(
                "spring.cloud.discovery.client.simple.instances.exercise-service[1].uri",
                () -> StandInService.url(second));
        registry.add("FEEDBACK_SERVICE_URL", StandInService::down);
    }

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();
    /** Each search asks other words, so that none is answered from the edge cache. */
    final AtomicInteger searches = new AtomicInteger();

    @AfterAll
    static void stop() {
        articles.stop(0);
        first.stop(0);
        second.stop(0);
    }

    @Test
    void aPartWhoseInstanceDiedIsAskedOfTheOtherOne() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            search();
            return toFirst.get() > 0 && toSecond.get() > 0;
        });

        second.stop(0);
        int secondBefore = toSecond.get();
        List<JsonNode> answers = IntStream.range(0, 20).mapToObj(i -> search()).toList();

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.get("unavailable").isEmpty()).isTrue();
            assertThat(answer.get("items").findValuesAsString("type")).containsExactly("article", "exercise");
        });
        assertThat(toSecond.get()).isEqualTo(secondBefore);
    }

    private JsonNode search() {
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/api/v1/search?q=back+" + searches.incrementAndGet()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
