package com.healthcontent.feedback.summary;

import static com.healthcontent.feedback.FeedbackApi.DR_RAO;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * After a fix is published, its votes start from zero: the summary counts the live revision's votes apart from the
 * earlier ones, per revision, while the all-time figures still count every vote. A changed vote stays with the
 * revision it was given on.
 */
@ServiceIntegrationTest
class HelpfulnessPerRevisionTest {

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
    void votesBeforeAndAfterAFixAreCountedPerRevisionAndAllTimeSumsThem() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String helpful =
                api.submit(newReader(), vote(article, true), 202).get("id").asString();
        String notHelpful =
                api.submit(newReader(), vote(article, false), 202).get("id").asString();
        String outdated = api.submit(newReader(), report(article, "OUTDATED", "The advice changed in 2024"), 202)
                .get("id")
                .asString();
        awaitSummary(article, summary -> {
            assertCounts(summary, 1, 2, Map.of("OUTDATED", 1L));
            assertThat(summary.get("revision").asLong()).isEqualTo(1);
            assertCounts(summary.get("current"), 1, 2, Map.of("OUTDATED", 1L));
            assertThat(revisions(summary)).containsExactly(1L);
            assertCounts(summary.get("revisions").get(0), 1, 2, Map.of("OUTDATED", 1L));
        });

        FeedbackApi.revise(articleEvents, contents, article, 2);
        JsonNode fixed = summary(article);
        assertThat(fixed.get("revision").asLong()).isEqualTo(2);
        assertCounts(fixed.get("current"), 0, 0, Map.of());
        assertThat(revisions(fixed)).as("the fix is listed from zero").containsExactly(2L, 1L);
        assertCounts(fixed.get("revisions").get(0), 0, 0, Map.of());
        assertCounts(fixed.get("revisions").get(1), 1, 2, Map.of("OUTDATED", 1L));
        assertCounts(fixed, 1, 2, Map.of("OUTDATED", 1L));

        String helpfulAfter =
                api.submit(newReader(), vote(article, true), 202).get("id").asString();
        String secondHelpfulAfter =
                api.submit(newReader(), vote(article, true), 202).get("id").asString();
        awaitSummary(article, summary -> {
            assertCounts(summary, 3, 2, Map.of("OUTDATED", 1L));
            assertCounts(summary.get("last30Days"), 3, 2, Map.of("OUTDATED", 1L));
            assertThat(summary.get("revision").asLong()).isEqualTo(2);
            assertCounts(summary.get("current"), 2, 0, Map.of());
            assertThat(revisions(summary)).containsExactly(2L, 1L);
            assertCounts(summary.get("revisions").get(0), 2, 0, Map.of());
            assertCounts(summary.get("revisions").get(1), 1, 2, Map.of("OUTDATED", 1L));
        });

        assertThat(stampedRevisions(article))
                .isEqualTo(Map.of(helpful, 1L, notHelpful, 1L, outdated, 1L, helpfulAfter, 2L, secondHelpfulAfter, 2L));
        JsonNode reports = api.call(
                        HttpMethod.GET, "/api/v1/feedback/reports?type=ARTICLE&id=" + article, DR_RAO, null, 200)
                .get("items");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("target").get("revision").asLong())
                .as("the report says which revision it was made on")
                .isEqualTo(1);
    }

    @Test
    void aChangedVoteMovesWithinTheRevisionItWasGivenOn() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String reader = newReader();
        String vote = api.submit(reader, vote(article, true), 202).get("id").asString();
        api.submit(newReader(), vote(article, true), 202);
        awaitSummary(article, summary -> assertCounts(summary.get("current"), 2, 0, Map.of()));

        FeedbackApi.revise(articleEvents, contents, article, 2);
        // within the amendment window, after the fix: the reader's vote changes, on the revision they had read
        assertThat(api.submit(reader, report(article, "OUTDATED", "Old advice"), 202)
                        .get("id")
                        .asString())
                .isEqualTo(vote);
        api.submit(newReader(), vote(article, true), 202);

        awaitSummary(article, summary -> {
            assertCounts(summary, 2, 1, Map.of("OUTDATED", 1L));
            assertCounts(summary.get("current"), 1, 0, Map.of());
            assertThat(revisions(summary)).containsExactly(2L, 1L);
            assertCounts(summary.get("revisions").get(0), 1, 0, Map.of());
            assertCounts(summary.get("revisions").get(1), 1, 1, Map.of("OUTDATED", 1L));
        });
        assertThat(stampedRevisions(article)).containsEntry(vote, 1L);
    }

    private static void assertCounts(JsonNode counts, long helpful, long notHelpful, Map<String, Long> byReason) {
        assertThat(counts.get("helpful").asLong()).isEqualTo(helpful);
        assertThat(counts.get("notHelpful").asLong()).isEqualTo(notHelpful);
        Map<String, Long> reasons = new HashMap<>();
        counts.get("byReason").properties().forEach(reason -> {
            if (reason.getValue().asLong() != 0) {
                reasons.put(reason.getKey(), reason.getValue().asLong());
            }
        });
        assertThat(reasons).isEqualTo(byReason);
    }

    private static List<Long> revisions(JsonNode summary) {
        return summary.get("revisions")
                .valueStream()
                .map(revision -> revision.get("revision").asLong())
                .toList();
    }

    private JsonNode summary(String article) {
        return api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
    }

    private void awaitSummary(String article, Consumer<JsonNode> expected) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> expected.accept(summary(article)));
    }

    /** The revision each stored vote on the article was stamped with, by id. */
    private Map<String, Long> stampedRevisions(String article) {
        Map<String, Long> stamped = new HashMap<>();
        mongoTemplate
                .find(Query.query(Criteria.where("targetId").is(article)), Feedback.class)
                .forEach(feedback -> stamped.put(feedback.id(), feedback.targetRevision()));
        return stamped;
    }
}
