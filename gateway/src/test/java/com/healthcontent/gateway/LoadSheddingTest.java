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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Beyond the requests a service is allowed to have in flight, the gateway answers at once with 503 and
 * Retry-After instead of queueing (which under a burst ran every request into the response timeout), and the
 * shed requests do not open the circuit breaker: the service's own requests complete and the next ones pass.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.rate-limit.enabled=false",
            "platform.circuit-breaker.minimum-calls=4",
            "platform.circuit-breaker.max-concurrent-calls=" + LoadSheddingTest.ADMITTED
        })
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class LoadSheddingTest {

    static final int ADMITTED = 10;
    static final int OFFERED = 25;
    /** The service holds its answers until the test has seen the shed requests answered. */
    static final CountDownLatch admittedArrived = new CountDownLatch(ADMITTED);

    static final CountDownLatch release = new CountDownLatch(1);
    static final HttpServer feedbackService = StandInService.holdingSubmissions(admittedArrived, release);

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StandInService.onlyFeedbackUp(registry, feedbackService);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        release.countDown();
        feedbackService.stop(0);
    }

    @Test
    void requestsOverTheLimitAreShedAtOnceAndTheAdmittedOnesComplete() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest submit = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": true}"))
                .build();

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, OFFERED)
                .mapToObj(i -> client.sendAsync(submit, HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(admittedArrived.await(20, TimeUnit.SECONDS)).isTrue();

        // while the admitted ones are still held by the service, every other one gets its answer
        await().atMost(Duration.ofSeconds(10))
                .until(() -> answers.stream().filter(CompletableFuture::isDone).count() == OFFERED - ADMITTED);
        List<HttpResponse<String>> shed = answers.stream()
                .filter(CompletableFuture::isDone)
                .map(CompletableFuture::join)
                .toList();
        assertThat(shed).hasSize(OFFERED - ADMITTED).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"title\":\"Too busy\"");
        });

        release.countDown();
        assertThat(answers.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 202))
                .hasSize(ADMITTED);
        HttpResponse<String> next = client.send(submit, HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).as("breaker still closed").isEqualTo(202);
    }
}
