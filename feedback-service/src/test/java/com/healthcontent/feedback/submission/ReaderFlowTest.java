package com.healthcontent.feedback.submission;

import static com.healthcontent.feedback.FeedbackApi.DR_RAO;
import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** The feedback flow readers use: "No" then what was wrong, a changed mind, and answers that contradict themselves. */
@ServiceIntegrationTest
class ReaderFlowTest {

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
    void noThenWhatWasWrongIsOneNotHelpfulVoteWithItsReasonAndAlertsOnce() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reader = newReader();
        String vote = api.submit(reader, vote(article, false), 202).get("id").asString();
        String details = api.submit(reader, report(article, "INACCURATE", "The hold time is wrong"), 202)
                .get("id")
                .asString();

        assertThat(details).isEqualTo(vote);
        awaitSummary(article, 0, 1, "INACCURATE", 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> alertsAbout(vote).size() == 1);
        assertThat(alertsAbout(vote).get(0).get("detail").asString()).contains("INACCURATE", "The hold time is wrong");
        // the same details again change nothing and alert nobody again
        api.submit(reader, report(article, "INACCURATE", "The hold time is wrong"), 202);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> alertsAbout(vote).size() == 1);
        assertThat(mongoTemplate.count(Query.query(Criteria.where("targetId").is(article)), Feedback.class))
                .isEqualTo(1);
    }

    @Test
    void aChangedVoteCountsOnceInTheNewDirection() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reader = newReader();
        api.submit(reader, vote(article, true), 202);
        api.submit(newReader(), vote(article, true), 202);
        awaitSummary(article, 2, 0, null, 0);

        api.submit(reader, vote(article, false), 202);
        awaitSummary(article, 1, 1, null, 0);
        api.submit(reader, vote(article, true), 202);
        awaitSummary(article, 2, 0, null, 0);
    }

    @Test
    void aHelpfulVoteWithAProblemReasonIsRefusedNamingTheReason() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        JsonNode problem = api.submit(
                newReader(),
                report(article, "INACCURATE", "Fine").replace("\"helpful\": false", "\"helpful\": true"),
                400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(mongoTemplate.count(Query.query(Criteria.where("targetId").is(article)), Feedback.class))
                .isZero();
    }

    @Test
    void afterTheAmendmentWindowTheSameDayASecondAnswerChangesNothing() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reader = newReader();
        String vote = api.submit(reader, vote(article, true), 202).get("id").asString();
        await().atMost(Duration.ofSeconds(15)).until(() -> mongoTemplate.findById(vote, Feedback.class) != null);
        Instant firstAnswered = Instant.now().minus(Duration.ofMinutes(31));
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(vote)),
                Update.update("submittedAt", firstAnswered).set("answeredAt", firstAnswered),
                Feedback.class);

        // accepted (the request path does not read the vote), answered with the vote's id, and dropped when stored
        assertThat(api.submit(reader, vote(article, false), 202).get("id").asString())
                .isEqualTo(vote);
        String other =
                api.submit(newReader(), vote(article, false), 202).get("id").asString();
        await().atMost(Duration.ofSeconds(15)).until(() -> mongoTemplate.findById(other, Feedback.class) != null);
        awaitSummary(article, 1, 1, null, 0);
        assertThat(mongoTemplate.findById(vote, Feedback.class).helpful()).isTrue();
    }

    private void awaitSummary(String article, int helpful, int notHelpful, String reason, int byReason) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode summary =
                    api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
            assertThat(summary.get("helpful").asInt()).isEqualTo(helpful);
            assertThat(summary.get("notHelpful").asInt()).isEqualTo(notHelpful);
            if (reason != null) {
                assertThat(summary.get("byReason").path(reason).asInt()).isEqualTo(byReason);
            }
        });
    }

    private List<JsonNode> alertsAbout(String reportId) {
        List<JsonNode> matching = new ArrayList<>();
        api.call(HttpMethod.GET, "/api/v1/me/alerts?size=100", DR_RAO, null, 200)
                .get("items")
                .forEach(item -> {
                    if (reportId.equals(item.path("reportId").asString(""))) {
                        matching.add(item);
                    }
                });
        return matching;
    }
}
