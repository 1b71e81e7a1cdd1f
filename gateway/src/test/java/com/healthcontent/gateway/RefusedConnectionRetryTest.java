package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A write whose connection is refused reaches the next instance whole: the gateway resends the body it never sent,
 * without having copied it. The refusing instance stays listed as ready (its health is checked once an hour here)
 * and is offered again a millisecond after each refusal, so about every other submission meets it first.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.rate-limit.enabled=false",
            "spring.cloud.loadbalancer.health-check.interval=1h",
            "platform.instances.ejection-time=1ms"
        })
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
@ExtendWith(OutputCaptureExtension.class)
class RefusedConnectionRetryTest {

    static final Queue<String> received = new ConcurrentLinkedQueue<>();
    static final HttpServer stopping = StandInService.start(exchange -> new StandInService.Answer(202, "{}"));
    static final String stoppingUrl = StandInService.url(stopping);
    static final HttpServer serving = StandInService.start(exchange -> {
        received.add((String) exchange.getAttribute(StandInService.BODY));
        return new StandInService.Answer(202, "{\"id\": \"f\"}");
    });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.feedback-service[0].uri", () -> stoppingUrl);
        registry.add(
                "spring.cloud.discovery.client.simple.instances.feedback-service[1].uri",
                () -> StandInService.url(serving));
        registry.add("ARTICLE_SERVICE_URL", StandInService::down);
        registry.add("EXERCISE_SERVICE_URL", StandInService::down);
    }

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        serving.stop(0);
    }

    @Test
    void aRefusedWriteReachesTheNextInstanceWithItsBody(CapturedOutput output) throws Exception {
        // both instances ready at the gateway's first health check; then one stops without a word
        assertThat(submit("{\"helpful\": true, \"comment\": \"before\"}")).isEqualTo(202);
        stopping.stop(0);
        received.clear();

        List<String> bodies = IntStream.range(0, 20)
                .mapToObj(i -> "{\"helpful\": false, \"comment\": \"" + "submission " + i + " ".repeat(i * 100) + "\"}")
                .toList();
        for (String body : bodies) {
            assertThat(submit(body)).as(body).isEqualTo(202);
        }

        assertThat(received).as("every body arrived once, byte for byte").containsExactlyElementsOf(bodies);
        assertThat(output).as("the stopped instance was tried").contains(stoppingUrl + " failed a connection");
    }

    private int submit(String body) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feedback"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
