package com.healthcontent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.testsupport.TestIssuerCustomizerFactory;
import com.sun.net.httpserver.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The gateway behind an ingress it trusts (the test's client connects from loopback, trusted here, as an ingress
 * would): the client is the right-most address the proxies did not add, the services get that address alone, and
 * readers behind the one ingress each have a rate limit of their own, which a forged left-most entry cannot dodge.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.proxies.trusted=127.0.0.1/32,10.0.0.0/8", "platform.rate-limit.feedback-per-minute=2"})
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class TrustedProxyTest {

    static final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    static final HttpServer feedbackService = StandInService.start(exchange -> {
        seen.add(Map.of(
                "for",
                exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
                "proto",
                exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"),
                "host",
                exchange.getRequestHeaders().getFirst("X-Forwarded-Host")));
        return new StandInService.Answer(202, "{\"id\": \"f\"}");
    });

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StandInService.onlyFeedbackUp(registry, feedbackService);
    }

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        seen.clear();
    }

    @AfterAll
    static void stop() {
        feedbackService.stop(0);
    }

    @Test
    void theServicesGetTheClientTheIngressSawAsTheClientUsedIt() {
        vote("6.6.6.6, 198.51.100.20, 10.3.2.1")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "www.example.org")
                .exchange()
                .expectStatus()
                .isAccepted();

        assertThat(seen)
                .singleElement()
                .isEqualTo(Map.of("for", "198.51.100.20", "proto", "https", "host", "www.example.org"));
    }

    @Test
    void readersBehindOneIngressEachHaveTheirOwnLimit() {
        for (int i = 0; i < 2; i++) {
            vote("198.51.100.30").exchange().expectStatus().isAccepted();
        }
        vote("198.51.100.30").exchange().expectStatus().isEqualTo(429);
        // writing another address on the left changes nothing: the ingress appended the real one
        vote("203.0.113.99, 198.51.100.30").exchange().expectStatus().isEqualTo(429);
        // another reader through the same ingress
        vote("198.51.100.31").exchange().expectStatus().isAccepted();
    }

    private RestTestClient.RequestHeadersSpec<?> vote(String forwardedFor) {
        return client.post()
                .uri("/api/v1/feedback")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"helpful\": true}");
    }
}
