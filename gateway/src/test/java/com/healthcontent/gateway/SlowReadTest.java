package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A public read the service does not answer within the response timeout is answered once with a problem, not sent
 * again: a retry would ask an already slow service for the same work twice more and keep the reader waiting three
 * timeouts (a cold stack on two cores once held a reader past 30 s that way). Dropped connections are still retried.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.rate-limit.enabled=false",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"
        })
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class SlowReadTest {

    static final AtomicInteger reads = new AtomicInteger();
    static final CountDownLatch released = new CountDownLatch(1);
    static final HttpServer articleService = StandInService.start(exchange -> {
        reads.incrementAndGet();
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new StandInService.Answer(200, "{\"items\": []}");
    });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("ARTICLE_SERVICE_URL", () -> StandInService.url(articleService));
        registry.add("EXERCISE_SERVICE_URL", StandInService::down);
        registry.add("FEEDBACK_SERVICE_URL", StandInService::down);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        released.countDown();
        articleService.stop(0);
    }

    @Test
    void aReadPastTheResponseTimeoutIsAnsweredOnceAndNotSentAgain() throws Exception {
        Instant sent = Instant.now();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/articles"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(reads).hasValue(1);
    }
}
