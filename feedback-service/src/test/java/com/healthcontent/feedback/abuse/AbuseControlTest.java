package com.healthcontent.feedback.abuse;

import static com.healthcontent.feedback.FeedbackApi.EDITOR;
import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AbuseControlTest {

    @LocalServerPort
    int port;

    @Autowired
    PublishedContents contents;

    @Autowired
    MongoTemplate mongoTemplate;

    FeedbackApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
    }

    @Test
    void oneVotePerReaderPerItemAndAnIdenticalResubmissionCountsOnce() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reader = newReader();
        String first = api.submit(reader, report(article, "OUTDATED", "Old guidance"), 202)
                .get("id")
                .asString();
        assertThat(api.submit(reader, report(article, "OUTDATED", "Old guidance"), 202)
                        .get("id")
                        .asString())
                .isEqualTo(first);
        // a second answer of the same reader changes the first (ReaderFlowTest), it is not a second vote
        assertThat(api.submit(reader, vote(article, true), 202).get("id").asString())
                .isEqualTo(first);
        api.submit(newReader(), vote(article, true), 202); // another reader may
        // stored by the intake consumer after the 202: two, and they stay two
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(15))
                .until(() -> mongoTemplate.count(
                                Query.query(Criteria.where("targetId").is(article)), Feedback.class)
                        == 2);
    }

    @Test
    void aReaderOverTheRateLimitGets429WithRetryAfter() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reader = newReader();
        api.submit(reader, vote(article, true), 202);
        for (int i = 0; i < 9; i++) {
            api.submit(reader, vote(article, i % 2 == 0), 202);
        }
        // the limit is per clock minute, and one may begin during this test: of eleven more, one is over in any case
        boolean refused = false;
        for (int i = 0; i < 11 && !refused; i++) {
            var answer = api.client()
                    .post()
                    .uri("/api/v1/feedback")
                    .header("X-Forwarded-For", reader)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(vote(article, i % 2 == 0))
                    .exchange();
            refused = answer.returnResult(String.class).getStatus().value() == 429;
            if (refused) {
                answer.expectHeader()
                        .exists(HttpHeaders.RETRY_AFTER)
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        assertThat(refused).isTrue();
    }

    @Test
    void theHoneypotIsAnsweredButNothingIsStored() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String body = report(article, "OTHER", "Buy now")
                .replace("\"helpful\"", "\"website\": \"http://spam.example\", \"helpful\"");
        String id = api.submit(newReader(), body, 202).get("id").asString();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mongoTemplate.findById(id, Feedback.class) == null);
    }

    @Test
    void personalDataIsMaskedBeforeAnyoneSeesItAndLinkyCommentsAreFlagged() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        api.submit(
                newReader(),
                report(
                        article,
                        "INACCURATE",
                        "Wrong dose. Call me on +44 20 7946 0958 or write to jane.doe@example.org"),
                202);
        api.submit(
                newReader(),
                report(article, "OTHER", "See https://a.example https://b.example https://c.example"),
                202);

        JsonNode reports = api.call(HttpMethod.GET, "/api/v1/feedback/reports?id=" + article, EDITOR, null, 200)
                .get("items");
        List<String> comments = reports.findValuesAsString("comment");
        assertThat(comments)
                .anySatisfy(c -> assertThat(c)
                        .contains("[phone number removed]", "[e-mail removed]")
                        .doesNotContain("jane.doe", "7946"));
        assertThat(reports.toString()).contains("PERSONAL_DATA", "LINKS");
    }

    @Test
    void concurrentSubmissionsAreAllCounted() throws Exception {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        int readers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                boolean helpful = i % 2 == 0;
                sent.add(pool.submit(() -> api.submit(newReader(), vote(article, helpful), 202)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode summary =
                    api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
            assertThat(summary.get("helpful").asInt()).isEqualTo(readers / 2);
            assertThat(summary.get("notHelpful").asInt()).isEqualTo(readers / 2);
        });
    }
}
