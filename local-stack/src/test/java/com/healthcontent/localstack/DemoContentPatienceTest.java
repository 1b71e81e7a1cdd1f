package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo loader waits out a platform that answers 503 right after its start, and gives up after its patience. */
class DemoContentPatienceTest {

    final AtomicInteger requests = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();
    HttpServer gateway;

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void aWriteAnsweredUnavailableIsSentAgainUntilItIsCarriedOut() throws Exception {
        gateway = gatewayAnswering503Times(3);
        HttpResponse<String> response = DemoContent.sendPatiently(http, write(), Duration.ofMinutes(1));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(requests).hasValue(4);
    }

    @Test
    void aPlatformThatStaysUnavailableGetsItsLastAnswerAfterThePatience() throws Exception {
        gateway = gatewayAnswering503Times(Integer.MAX_VALUE);
        Instant start = Instant.now();
        HttpResponse<String> response = DemoContent.sendPatiently(http, write(), Duration.ofSeconds(2));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(requests.get()).isBetween(2, 5); // 250 ms, 500 ms, 1 s apart: backing off, not hammering
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    private HttpServer gatewayAnswering503Times(int times) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(requests.incrementAndGet() <= times ? 503 : 201, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private HttpRequest write() {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/api/v1/exercises"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }
}
