package com.healthcontent.feedback.alerts;

import static com.healthcontent.feedback.FeedbackApi.ADMIN;
import static com.healthcontent.feedback.FeedbackApi.AUTHOR;
import static com.healthcontent.feedback.FeedbackApi.DR_KIM;
import static com.healthcontent.feedback.FeedbackApi.DR_RAO;
import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.consumer.IntegrationEventListeners;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** A problem report reaches the content's reviewers once, on every channel they chose, with real receivers. */
@ServiceIntegrationTest
class ReviewerAlertsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    PublishedContents contents;

    @Autowired
    IntegrationEventListeners listeners;

    FeedbackApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.FEEDBACK_EVENTS)
    TopicProbe feedbackEvents;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
        api.call(HttpMethod.PUT, "/api/v1/me/alert-preferences", DR_RAO, "{}", 200); // inbox and stream only
    }

    @Test
    void aReportAlertsTheReviewerAndTheAuthorOnceEvenWhenItsEventIsDeliveredTwice() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reportId = api.submit(newReader(), report(article, "INACCURATE", "The hold time is wrong"), 202)
                .get("id")
                .asString();
        EventEnvelope submitted = feedbackEvents.awaitEvent(
                e -> TestEvents.dataOf(e).contains(reportId) && e.type().equals(EventType.FEEDBACK_SUBMITTED.ceType()));
        feedbackEvents.publish(submitted); // delivered again, as after a relay crash

        await().atMost(Duration.ofSeconds(15))
                .until(() -> alertsAbout(DR_RAO, reportId).size() == 1
                        && alertsAbout(AUTHOR, reportId).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> alertsAbout(DR_RAO, reportId).size() == 1);
        assertThat(alertsAbout(DR_KIM, reportId)).isEmpty();
        JsonNode alert = alertsAbout(DR_RAO, reportId).get(0);
        assertThat(alert.get("detail").asString()).contains("INACCURATE", "The hold time is wrong");

        JsonNode inbox = api.call(HttpMethod.GET, "/api/v1/me/alerts?unread=true", DR_RAO, null, 200);
        assertThat(inbox.get("unreadCount").asInt()).isPositive();
        api.call(HttpMethod.POST, "/api/v1/me/alerts/" + alert.get("id").asString() + "/read", DR_RAO, null, 200);
        api.call(HttpMethod.POST, "/api/v1/me/alerts/" + alert.get("id").asString() + "/read", DR_KIM, null, 404);
        api.call(HttpMethod.POST, "/api/v1/me/alerts/read-all", DR_RAO, null, 204);
        assertThat(api.call(HttpMethod.GET, "/api/v1/me/alerts?unread=true", DR_RAO, null, 200)
                        .get("unreadCount")
                        .asInt())
                .isZero();
        api.call(HttpMethod.GET, "/api/v1/me/alerts", null, null, 401);
    }

    @Test
    void aReportNeverWaitsForTheVotesBeforeIt() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        // the votes' pipeline stands still, as when a vote burst keeps it busy: reports have a group of their own
        ConcurrentMessageListenerContainer<Object, Object> votes = listeners.containers().stream()
                .filter(container -> "feedback-service-alerts"
                        .equals(container.getContainerProperties().getGroupId()))
                .findFirst()
                .orElseThrow();
        votes.stop();
        try {
            for (int i = 0; i < 20; i++) {
                api.submit(newReader(), vote(article, false), 202);
            }
            String reportId = api.submit(newReader(), report(article, "INACCURATE", "Hold it for 30 s, not 3"), 202)
                    .get("id")
                    .asString();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> alertsAbout(DR_RAO, reportId).size() == 1);
        } finally {
            votes.start();
        }
    }

    @Test
    void theLiveStreamReceivesTheAlertAsItHappens() throws Exception {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/alerts/stream"))
                        .header("Authorization", "Bearer " + DR_RAO)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(
                        chunk -> chunk.ifPresent(bytes -> lines.add(new String(bytes, StandardCharsets.UTF_8)))));
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> String.join("", lines).contains("connected"));
            String reportId = api.submit(newReader(), report(article, "OUTDATED", "Old"), 202)
                    .get("id")
                    .asString();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> String.join("", lines).contains(reportId));
            assertThat(String.join("", lines)).contains("event:alert");
            // one shape on the stream and in the inbox, so a client renders both with one component
            String pushed = String.join("", lines)
                    .lines()
                    .filter(line -> line.startsWith("data:") && line.contains(reportId))
                    .findFirst()
                    .orElseThrow()
                    .substring("data:".length());
            assertThat(api.json(pushed)).isEqualTo(alertsAbout(DR_RAO, reportId).get(0));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void anEmailGoesToAReviewerWhoAskedForIt() throws Exception {
        api.call(HttpMethod.PUT, "/api/v1/me/alert-preferences", DR_RAO, "{\"email\": \"rao@clinic.example\"}", 200);
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        api.submit(newReader(), report(article, "INACCURATE", "Dose too high"), 202);

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("rao@clinic.example");
        assertThat(mail.getSubject()).contains("INACCURATE");
        assertThat((String) mail.getContent()).contains("Dose too high");
    }

    @Test
    void aSignedWebhookIsRetriedThenParkedAndAnAdminRetriesIt() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(Integer.MAX_VALUE);
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-Signature-256"), new String(body, StandardCharsets.UTF_8)
            });
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String secret = api.call(
                            HttpMethod.PUT,
                            "/api/v1/me/alert-preferences",
                            DR_RAO,
                            "{\"webhookUrl\": \"" + url + "\"}",
                            200)
                    .get("webhookSecret")
                    .asString();
            String article = FeedbackApi.publishedArticle(articleEvents, contents);
            String reportId = api.submit(newReader(), report(article, "INACCURATE", "Wrong"), 202)
                    .get("id")
                    .asString();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> parked().contains("report:" + reportId + ":dr.rao:WEBHOOK"));
            assertThat(received).hasSize(3); // three attempts, then parked
            api.call(HttpMethod.GET, "/api/v1/feedback/deliveries", DR_RAO, null, 403);

            api.call(
                    HttpMethod.POST,
                    "/api/v1/feedback/deliveries/report:" + reportId + ":dr.rao:WEBHOOK/retry",
                    DR_RAO,
                    null,
                    403);
            failuresLeft.set(0);
            api.call(
                    HttpMethod.POST,
                    "/api/v1/feedback/deliveries/report:" + reportId + ":dr.rao:WEBHOOK/retry",
                    ADMIN,
                    null,
                    200);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
            String[] delivered = received.get(3);
            assertThat(delivered[1]).contains(reportId.substring(0, 8)).contains("PROBLEM_REPORT");
            assertThat(delivered[0]).isEqualTo("sha256=" + hmac(secret, delivered[1]));
            await().atMost(Duration.ofSeconds(5)).until(() -> !parked().contains(reportId));
        } finally {
            receiver.stop(0);
            api.call(HttpMethod.PUT, "/api/v1/me/alert-preferences", DR_RAO, "{}", 200);
        }
    }

    @Test
    void aWebhookToAnAddressInsideTheNetworkIsRefusedAndNothingIsSaved() {
        for (String inside : List.of(
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.5/hook",
                "http://localhost:8083/actuator",
                "http://[::1]/hook")) {
            JsonNode problem = api.call(
                    HttpMethod.PUT,
                    "/api/v1/me/alert-preferences",
                    DR_RAO,
                    "{\"webhookUrl\": \"" + inside + "\"}",
                    400);
            assertThat(problem.toString()).as(inside).contains("webhookUrl").contains("public address");
        }
        assertThat(api.call(HttpMethod.GET, "/api/v1/me/alert-preferences", DR_RAO, null, 200)
                        .has("webhookUrl"))
                .isFalse();
    }

    @Test
    void aRunOfNotHelpfulVotesAlertsOncePerWindow() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        for (int i = 0; i < 5; i++) {
            api.submit(newReader(), vote(article, false), 202);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> drops(article) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> drops(article) == 1);
    }

    @Test
    void aPoisonMessageIsParkedOnTheDeadLetterTopicAndAlertsKeepFlowing() {
        try (TopicProbe deadLetters = TopicProbe.open(brokers, Topics.deadLetterOf(Topics.FEEDBACK_EVENTS))) {
            String key = "poison-" + System.nanoTime();
            feedbackEvents.publishRaw(Topics.FEEDBACK_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> deadLetters.records().stream().anyMatch(r -> key.equals(r.key())));

            String article = FeedbackApi.publishedArticle(articleEvents, contents);
            String reportId = api.submit(newReader(), report(article, "UNCLEAR", "Confusing"), 202)
                    .get("id")
                    .asString();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> alertsAbout(DR_RAO, reportId).size() == 1);
        }
    }

    private List<JsonNode> alertsAbout(String token, String reportId) {
        JsonNode items = api.call(HttpMethod.GET, "/api/v1/me/alerts?size=100", token, null, 200)
                .get("items");
        List<JsonNode> matching = new ArrayList<>();
        items.forEach(item -> {
            if (reportId.equals(item.path("reportId").asString(""))) {
                matching.add(item);
            }
        });
        return matching;
    }

    private long drops(String article) {
        JsonNode items = api.call(HttpMethod.GET, "/api/v1/me/alerts?size=100", DR_RAO, null, 200)
                .get("items");
        long count = 0;
        for (JsonNode item : items) {
            if (item.get("kind").asString().equals("HELPFULNESS_DROP")
                    && item.get("target").get("id").asString().equals(article)) {
                count++;
            }
        }
        return count;
    }

    private String parked() {
        return api.call(HttpMethod.GET, "/api/v1/feedback/deliveries?status=PARKED&size=100", ADMIN, null, 200)
                .toString();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
