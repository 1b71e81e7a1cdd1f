package com.healthcontent.feedback.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceIntegrationTest
class FeedbackSubmissionTest {

    @LocalServerPort
    int port;

    @Autowired
    PublishedContents contents;

    RestTestClient client;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.FEEDBACK_EVENTS)
    TopicProbe feedbackEvents;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void anonymousReadersVoteAndReportAndTheSummaryCountsEachOnce() {
        String articleId = publishedArticle();

        String reportId = submit("""
                {"target": {"type": "ARTICLE", "id": "%s"}, "helpful": false, "reason": "OUTDATED",
                 "comment": "The 2015 study has been superseded."}""".formatted(articleId));
        submit("""
                {"target": {"type": "ARTICLE", "id": "%s"}, "helpful": true}""".formatted(articleId));

        EventEnvelope event =
                feedbackEvents.awaitEvent(e -> TestEvents.dataOf(e).contains(reportId));
        assertThat(event.type()).isEqualTo(EventType.FEEDBACK_SUBMITTED.ceType());
        assertThat(event.key()).isEqualTo(articleId);
        assertThat(TestEvents.dataOf(event)).contains("\"reason\":\"OUTDATED\"").doesNotContain("superseded");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> client.get()
                        .uri("/api/v1/feedback/summary?type=ARTICLE&id={id}", articleId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.helpful")
                        .isEqualTo(1)
                        .jsonPath("$.notHelpful")
                        .isEqualTo(1)
                        .jsonPath("$.byReason.OUTDATED")
                        .isEqualTo(1)
                        .jsonPath("$.last30Days.notHelpful")
                        .isEqualTo(1));
    }

    @Test
    void feedbackOnContentThatIsNotPublishedIs404() {
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"ARTICLE\", \"id\": \"never-published\"}, \"helpful\": true}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        String articleId = publishedArticle();
        articleEvents.publish(TestEvents.of(
                EventType.ARTICLE_UNPUBLISHED,
                articleId,
                new ArticleUnpublished(articleId, "slug", "withdrawn", Instant.now())));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> contents.findLive(ContentType.ARTICLE, articleId).isEmpty());
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"ARTICLE\", \"id\": \"%s\"}, \"helpful\": true}".formatted(articleId))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void invalidFeedbackNamesTheField() {
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"ARTICLE\", \"id\": \"x\"}}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("helpful");
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"ARTICLE\", \"id\": \"x\"}, \"helpful\": false, \"comment\": \"%s\"}"
                        .formatted("a".repeat(2001)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("comment");
        // Comments are shown to staff: HTML in one is refused like HTML in content, not stored for a console to run.
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"ARTICLE\", \"id\": \"x\"}, \"helpful\": false, "
                        + "\"reason\": \"INACCURATE\", \"comment\": \"<img src=x onerror=alert(1)> wrong dose\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("comment")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("Markdown"));
        client.post()
                .uri("/api/v1/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"target\": {\"type\": \"PODCAST\", \"id\": \"x\"}, \"helpful\": true}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("target.type");
        client.get()
                .uri("/api/v1/feedback/summary?id=x")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("type");
    }

    private String submit(String body) {
        return client.post()
                .uri("/api/v1/feedback")
                .header("X-Forwarded-For", FeedbackApi.newReader())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    private String publishedArticle() {
        return FeedbackApi.publishedArticle(articleEvents, contents);
    }
}
