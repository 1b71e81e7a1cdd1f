package com.healthcontent.feedback.alerts;

import static com.healthcontent.feedback.FeedbackApi.AUTHOR;
import static com.healthcontent.feedback.FeedbackApi.DR_KIM;
import static com.healthcontent.feedback.FeedbackApi.DR_RAO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticleReviewDue;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ReviewDecided;
import com.healthcontent.events.ReviewDue;
import com.healthcontent.events.ReviewRequested;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The medical-review loop tells people what waits for them: a reviewer when content is submitted to them (live
 * stream and inbox), when a review falls due; an author when the review is decided. Once per event and person.
 */
@ServiceIntegrationTest
class ReviewLoopAlertsTest {

    @LocalServerPort
    int port;

    FeedbackApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.EXERCISE_EVENTS)
    TopicProbe exerciseEvents;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
    }

    @Test
    void aSubmissionAlertsEachReviewerLiveAndInTheInboxOnce() throws Exception {
        String articleId = UUID.randomUUID().toString();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/alerts/stream"))
                        .header("Authorization", "Bearer " + DR_RAO)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(
                        chunk -> chunk.ifPresent(bytes -> received.add(new String(bytes, StandardCharsets.UTF_8)))));
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> String.join("", received).contains("connected"));
            EventEnvelope submitted = TestEvents.of(
                    EventType.ARTICLE_REVIEW_REQUESTED,
                    articleId,
                    new ReviewRequested(
                            "ARTICLE",
                            articleId,
                            "a-draft",
                            "Cracking your back",
                            "ana.author",
                            List.of("dr.rao", "dr.kim"),
                            "ana.author",
                            Instant.now()));
            articleEvents.publish(submitted);
            articleEvents.publish(submitted); // delivered twice

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> String.join("", received).contains(articleId));
            assertThat(String.join("", received)).contains("REVIEW_REQUESTED");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> alerts(DR_KIM, articleId).size() == 1);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> alerts(DR_RAO, articleId).size() == 1);
            JsonNode alert = alerts(DR_RAO, articleId).get(0);
            assertThat(alert.get("kind").asString()).isEqualTo("REVIEW_REQUESTED");
            assertThat(alert.get("target").get("title").asString()).isEqualTo("Cracking your back");
            assertThat(alert.get("detail").asString()).contains("ana.author");
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void theAuthorHearsTheDecisionAndReviewersHearWhenAReviewFallsDue() {
        String exerciseId = UUID.randomUUID().toString();
        exerciseEvents.publish(TestEvents.of(
                EventType.EXERCISE_REVIEW_DECIDED,
                exerciseId,
                new ReviewDecided(
                        "EXERCISE",
                        exerciseId,
                        "knees-to-chest",
                        "Knees to chest",
                        "ana.author",
                        "dr.kim",
                        "CHANGES_REQUESTED",
                        "Halve the hold time.",
                        Instant.now())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts(AUTHOR, exerciseId).size() == 1);
        JsonNode decided = alerts(AUTHOR, exerciseId).get(0);
        assertThat(decided.get("kind").asString()).isEqualTo("REVIEW_DECIDED");
        assertThat(decided.get("target").get("type").asString()).isEqualTo("EXERCISE");
        assertThat(decided.get("detail").asString()).contains("dr.kim requested changes: Halve the hold time.");

        String articleId = UUID.randomUUID().toString();
        articleEvents.publish(TestEvents.of(
                EventType.ARTICLE_REVIEW_DUE,
                articleId,
                new ArticleReviewDue(articleId, "due-article", List.of("dr.kim"), Instant.now())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts(DR_KIM, articleId).size() == 1);
        assertThat(alerts(DR_KIM, articleId).get(0).get("kind").asString()).isEqualTo("REVIEW_DUE");
    }

    /** Routines are reviewed like exercises: the same alerts, naming the routine. */
    @Test
    void aRoutineSubmittedOrFallingDueAlertsItsReviewers() {
        String routineId = UUID.randomUUID().toString();
        exerciseEvents.publish(TestEvents.of(
                EventType.ROUTINE_REVIEW_REQUESTED,
                routineId,
                new ReviewRequested(
                        "ROUTINE",
                        routineId,
                        "easing-a-stiff-back",
                        "Easing a stiff back",
                        "ana.author",
                        List.of("dr.kim"),
                        "eli.editor",
                        Instant.now())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts(DR_KIM, routineId).size() == 1);
        JsonNode requested = alerts(DR_KIM, routineId).get(0);
        assertThat(requested.get("kind").asString()).isEqualTo("REVIEW_REQUESTED");
        assertThat(requested.get("target").get("type").asString()).isEqualTo("ROUTINE");
        assertThat(requested.get("target").get("title").asString()).isEqualTo("Easing a stiff back");

        exerciseEvents.publish(TestEvents.of(
                EventType.ROUTINE_REVIEW_DUE,
                routineId,
                new ReviewDue(
                        "ROUTINE",
                        routineId,
                        "easing-a-stiff-back",
                        "Easing a stiff back",
                        List.of("dr.kim"),
                        Instant.now())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts(DR_KIM, routineId).size() == 2);
        assertThat(alerts(DR_KIM, routineId))
                .extracting(alert -> alert.get("kind").asString())
                .containsExactlyInAnyOrder("REVIEW_REQUESTED", "REVIEW_DUE");
    }

    private List<JsonNode> alerts(String token, String targetId) {
        JsonNode inbox = api.call(HttpMethod.GET, "/api/v1/me/alerts?size=100", token, null, 200);
        return inbox.get("items")
                .valueStream()
                .filter(a -> a.get("target").get("id").asString().equals(targetId))
                .toList();
    }
}
