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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of a service behind the gateway, one of which dies with requests in flight: only those fail, every
 * later write succeeds without a client retry (a refused connection goes to the other instance, and the dead one
 * leaves the rotation), the circuit breaker stays closed for the service, and the instance rejoins by itself once
 * it answers again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.rate-limit.enabled=false", "platform.circuit-breaker.minimum-calls=4",
            "spring.cloud.loadbalancer.health-check.interval=500ms", "platform.instances.ejection-time=2s"
        })
@ContextCustomizerFactories(TestIssuerCustomizerFactory.class)
class InstanceFailoverTest {

    static final AtomicInteger toFirst = new AtomicInteger();
    static final AtomicInteger toSecond = new AtomicInteger();
    /** While set, the second instance holds what it gets, counting it in: requests in flight when it dies. */
    static volatile CountDownLatch heldBySecond;

    static final CountDownLatch released = new CountDownLatch(1);
    static final HttpServer first = submissionsCountedIn(0, toFirst);
    static HttpServer second = submissionsCountedIn(0, toSecond);
    static final int secondPort = second.getAddress().getPort();

    static HttpServer submissionsCountedIn(int port, AtomicInteger counter) {
        return StandInService.start(port, exchange -> {
            counter.incrementAndGet();
            CountDownLatch held = heldBySecond;
            if (counter == toSecond && held != null) {
                held.countDown();
                try {
                    released.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new StandInService.Answer(202, "{\"id\": \"f\"}");
        });
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.discovery.client.simple.instances.feedback-service[0].uri",
                () -> StandInService.url(first));
        registry.add(
                "spring.cloud.discovery.client.simple.instances.feedback-service[1].uri",
                () -> "http://127.0.0.1:" + secondPort);
        registry.add("ARTICLE_SERVICE_URL", StandInService::down);
        registry.add("EXERCISE_SERVICE_URL", StandInService::down);
    }

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        first.stop(0);
        second.stop(0);
    }

    @Test
    void aDeadInstanceCostsNoRequestAndRejoinsWhenItAnswersAgain() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            submitMany(10);
            return toFirst.get() > 0 && toSecond.get() > 0;
        });

        // eight requests in flight at the second instance when it dies: they are cut off (503, not retried, since
        // they reached the service), and do not open the breaker for the service
        heldBySecond = new CountDownLatch(8);
        List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, 24)
                .mapToObj(i -> client.sendAsync(submission(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(heldBySecond.await(10, TimeUnit.SECONDS)).isTrue();
        second.stop(0); // gone without a word, as a killed process: connections closed, its port refuses new ones
        released.countDown();
        assertThat(inFlight.stream().map(answer -> answer.join().statusCode())).contains(503);

        int secondBefore = toSecond.get();
        List<Integer> statuses = submitMany(200);
        assertThat(statuses)
                .as("no request lost to the dead instance, no breaker opened")
                .containsOnly(202);
        assertThat(toSecond.get()).isEqualTo(secondBefore);

        heldBySecond = null;
        second = submissionsCountedIn(secondPort, toSecond); // started again on its address
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            assertThat(submitMany(10)).containsOnly(202);
            return toSecond.get() > secondBefore;
        });
    }

    private HttpRequest submission() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": true}"))
                .build();
    }

    /** Submissions eight at a time, as concurrent readers send them; the status each one got. */
    private List<Integer> submitMany(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int start = 0; start < count; start += 8) {
            List<CompletableFuture<HttpResponse<String>>> batch = IntStream.range(start, Math.min(count, start + 8))
                    .mapToObj(i -> client.sendAsync(submission(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            batch.forEach(answer -> statuses.add(answer.join().statusCode()));
        }
        return statuses;
    }
}
