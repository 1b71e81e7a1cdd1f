package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that becomes ready after the gateway last probed it, as on every start of the local stack: the gateway
 * is not ready before every route has an instance, and the first request after the service is up is served, not
 * refused until the next round of health checks (an hour away here, so only a check made for the request can see
 * the service).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.rate-limit.enabled=false", "spring.cloud.loadbalancer.health-check.interval=1h"})
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class ServiceStartingLateTest {

    static final HttpServer otherServices = StandInService.start(exchange -> new StandInService.Answer(200, "{}"));
    static final String feedbackService = StandInService.down();
    static HttpServer feedbackStarted;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("ARTICLE_SERVICE_URL", () -> StandInService.url(otherServices));
        registry.add("EXERCISE_SERVICE_URL", () -> StandInService.url(otherServices));
        registry.add("CONSOLE_URL", () -> StandInService.url(otherServices));
        registry.add("READER_SITE_URL", () -> StandInService.url(otherServices));
        registry.add("FEEDBACK_SERVICE_URL", () -> feedbackService);
    }

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        otherServices.stop(0);
        if (feedbackStarted != null) {
            feedbackStarted.stop(0);
        }
    }

    @Test
    void theFirstRequestAfterAServiceIsReadyIsServedAndTheGatewayIsReadyOnlyThen() throws Exception {
        assertThat(get("/readyz").statusCode())
                .as("ready while feedback-service has no instance")
                .isEqualTo(503);
        assertThat(vote().statusCode()).isEqualTo(503);

        feedbackStarted = StandInService.start(
                URI.create(feedbackService).getPort(), exchange -> new StandInService.Answer(202, "{\"id\": \"f\"}"));
        HttpResponse<String> first = vote();
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        // Later losing a service's instances takes only its routes out, not the gateway: the rest keeps working.
        feedbackStarted.stop(0);
        assertThat(vote().statusCode()).isEqualTo(503);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/articles").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> vote() throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feedback"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
