package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many submissions in flight at once all reach the feedback service: Spring Cloud CircuitBreaker's default bulkhead
 * (25 concurrent calls) refused the rest with 503 and its refusals opened the circuit breaker (found by the
 * feedback-burst benchmark).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.rate-limit.enabled=false", "platform.circuit-breaker.minimum-calls=4"})
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class FeedbackBurstTest {

    static final int IN_FLIGHT = 120;
    /** The service holds every answer until all submissions have arrived, so all are in flight together. */
    static final CountDownLatch allArrived = new CountDownLatch(IN_FLIGHT);

    static final HttpServer feedbackService = StandInService.holdingSubmissions(allArrived, allArrived);

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StandInService.onlyFeedbackUp(registry, feedbackService);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        feedbackService.stop(0);
    }

    @Test
    void everySubmissionOfABurstIsPassedOnAndAccepted() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest submit = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": true}"))
                .build();

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, IN_FLIGHT)
                .mapToObj(i -> client.sendAsync(submit, HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(202));
        assertThat(allArrived.getCount()).isZero();
    }
}
