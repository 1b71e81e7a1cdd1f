package com.healthcontent.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.EventType;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContent;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.JsonApi;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TestTokens;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Readers and staff using feedback-service, for its tests. Each reader has an address of their own. */
public final class FeedbackApi extends JsonApi {

    public static final String EDITOR = TestTokens.forUser("eli.editor", "EDITOR");
    public static final String DR_RAO = TestTokens.forUser("dr.rao", "MEDICAL_REVIEWER");
    public static final String DR_KIM = TestTokens.forUser("dr.kim", "MEDICAL_REVIEWER");
    public static final String AUTHOR = TestTokens.forUser("ana.author", "AUTHOR");
    public static final String ADMIN = TestTokens.forUser("ops.admin", "ADMIN");

    private static final AtomicInteger readers = new AtomicInteger();

    public FeedbackApi(int port) {
        super(port);
    }

    /** A new reader, as the address the gateway forwards. */
    public static String newReader() {
        int n = readers.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    public JsonNode submit(String reader, String body, int expectedStatus) {
        return json(send(reader, body)
                .expectStatus()
                .isEqualTo(expectedStatus)
                .returnResult(String.class)
                .getResponseBody());
    }

    /**
     * A vote sent as a client should: a 503 (the intake is over its bound, which a burst on a loaded machine can
     * reach) is sent again after its Retry-After, which must be there; anything but 202 or 503 fails.
     */
    public JsonNode submitUntilAccepted(String reader, String body) {
        AtomicReference<String> accepted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    EntityExchangeResult<String> answer = send(reader, body).returnResult(String.class);
                    if (answer.getStatus().value() == 503) {
                        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                                .isEqualTo("1");
                        return false;
                    }
                    assertThat(answer.getStatus().value()).isEqualTo(202);
                    accepted.set(answer.getResponseBody());
                    return true;
                });
        return json(accepted.get());
    }

    /** A reader's submission, sent through the forwarding header the gateway writes. */
    private RestTestClient.ResponseSpec send(String reader, String body) {
        return client().post()
                .uri("/api/v1/feedback")
                .header("X-Forwarded-For", reader)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    /** Waits until the intake has stored a report, as editors see it in the reports of its article. */
    public void awaitReport(String articleId, String reportId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> call(HttpMethod.GET, "/api/v1/feedback/reports?id=" + articleId, EDITOR, null, 200)
                        .get("items")
                        .valueStream()
                        .anyMatch(item -> item.get("id").asString().equals(reportId)));
    }

    /** A submission answered 503: a problem saying to send it again, and after how many seconds. */
    public void expectComeBackLater(String reader, String body, String retryAfterSeconds, String detailSays) {
        send(reader, body)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(detailSays));
    }

    /** The status a submission is answered with, whatever it is. */
    public int statusOf(String reader, String body) {
        return send(reader, body).returnResult(String.class).getStatus().value();
    }

    public static String report(String articleId, String reason, String comment) {
        return """
                {"target": {"type": "ARTICLE", "id": "%s"}, "helpful": false, "reason": "%s", "comment": "%s"}
                """.formatted(articleId, reason, comment);
    }

    public static String vote(String articleId, boolean helpful) {
        return "{\"target\": {\"type\": \"ARTICLE\", \"id\": \"%s\"}, \"helpful\": %s}".formatted(articleId, helpful);
    }

    /** An article published (as article-service would announce it), reviewed by dr.rao, written by ana.author. */
    public static String publishedArticle(TopicProbe articleEvents, PublishedContents contents) {
        String articleId = UUID.randomUUID().toString();
        articleEvents.publish(TestEvents.of(EventType.ARTICLE_PUBLISHED, articleId, article(articleId, 1)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> contents.findLive(ContentType.ARTICLE, articleId).isPresent());
        return articleId;
    }

    /** A revision of an article of {@link #publishedArticle} published, once feedback-service knows it is live. */
    public static void revise(TopicProbe articleEvents, PublishedContents contents, String articleId, int revision) {
        articleEvents.publish(TestEvents.of(EventType.ARTICLE_REVISED, articleId, article(articleId, revision)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> contents.findLive(ContentType.ARTICLE, articleId)
                                .map(PublishedContent::version)
                                .orElse(0L)
                        == revision);
    }

    private static ArticlePublished article(String articleId, int revision) {
        return new ArticlePublished(
                articleId,
                "crack-your-back-" + articleId.substring(0, 8),
                "Is it good or bad to crack your back?",
                "Summary",
                List.of("back pain"),
                "ana.author",
                List.of("dr.rao"),
                List.of(),
                Instant.now(),
                revision);
    }
}
