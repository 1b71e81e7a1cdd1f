package com.healthcontent.feedback.submission;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.FeedbackReceived;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.ConsumerGroupProgress;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.outbox.OutboxRelay;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The intake stores a poll's new votes and sends their events straight to Kafka, not through an outbox. An instance
 * that dies between the two leaves votes stored whose events the broker never had; the poll comes to another instance
 * again. Replayed here as it happens: the vote stored as the intake stores it, then its answer delivered again.
 */
@ServiceIntegrationTest
class AnnouncedAfterACrashTest {

    /** The consumer group that counts the summaries. */
    static final String COUNTING = "feedback-service";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    PublishedContents contents;

    @Autowired
    MongoTemplate mongoTemplate;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.FEEDBACK_VOTES)
    TopicProbe votes;

    @Watch(Topics.FEEDBACK_REPORTS)
    TopicProbe reports;

    @Watch(Topics.FEEDBACK_EVENTS)
    TopicProbe feedbackEvents;

    FeedbackApi api;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
    }

    @Test
    void aNewVoteIsStoredWithoutAnOutboxAndAnnouncedUnderAnIdDerivedFromIt() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String id = api.submit(newReader(), vote(article, true), 202).get("id").asString();

        EventEnvelope submitted = feedbackEvents.awaitEvent(event -> event.id().equals("feedback-submitted-" + id));
        assertThat(TestEvents.dataOf(submitted)).contains("\"targetRevision\":1");
        assertThat(mongoTemplate.findById(id, Document.class, "feedback"))
                .doesNotContainKey(OutboxRelay.OUTBOX_FIELD)
                .containsEntry("version", 0L);
        awaitSummary(article, 1, 0, 0);
    }

    @Test
    void aVoteStoredByAnInstanceThatDiedBeforeTheBrokerHadItsEventIsCountedOnceWhenItsPollComesAgain()
            throws Exception {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        FeedbackReceived answer = answer(article, true, null, Instant.now());
        storedAsTheIntakeStoresIt(answer);

        votes.publish(envelope(EventType.FEEDBACK_VOTE_RECEIVED, answer));
        awaitSummary(article, 1, 0, 0);

        // and once more: announced again under the same id, which the counting recognises
        votes.publish(envelope(EventType.FEEDBACK_VOTE_RECEIVED, answer));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> feedbackEvents.events().stream()
                                .filter(event -> event.id().equals("feedback-submitted-" + answer.feedbackId()))
                                .count()
                        == 2);
        awaitCountedThroughTheEnd();
        assertSummary(article, 1, 0, 0);
    }

    @Test
    void aVoteChangedByTheOtherLaneBeforeItsPollCameAgainCountsAsChangedOnce() throws Exception {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        Instant votedAt = Instant.now();
        FeedbackReceived vote = answer(article, false, null, votedAt);
        storedAsTheIntakeStoresIt(vote);

        // the reader said what was wrong; the reports' lane changes the stored vote before its own poll comes again
        FeedbackReceived whatWasWrong = new FeedbackReceived(
                vote.feedbackId(),
                vote.targetType(),
                vote.targetId(),
                vote.targetSlug(),
                vote.targetTitle(),
                vote.targetRevision(),
                vote.reviewers(),
                vote.author(),
                false,
                "OUTDATED",
                "The 2024 guideline replaced this",
                null,
                List.of(),
                votedAt.plusSeconds(5),
                vote.readerKey(),
                vote.voteKey(),
                UUID.randomUUID().toString());
        reports.publish(envelope(EventType.FEEDBACK_REPORT_RECEIVED, whatWasWrong));
        awaitSummary(article, 0, 1, 1);

        votes.publish(envelope(EventType.FEEDBACK_VOTE_RECEIVED, vote));
        awaitCountedThroughTheEnd();
        assertSummary(article, 0, 1, 1);
    }

    /** A reader's answer as the request path sends it to the intake. */
    private static FeedbackReceived answer(String article, boolean helpful, String reason, Instant at) {
        String reader = UUID.randomUUID().toString();
        return new FeedbackReceived(
                UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                "ARTICLE",
                article,
                "crack-your-back-" + article.substring(0, 8),
                "Is it good or bad to crack your back?",
                1,
                List.of("dr.rao"),
                "ana.author",
                helpful,
                reason,
                null,
                null,
                List.of(),
                at,
                reader,
                "vote-" + reader,
                "dedupe-" + reader);
    }

    private static EventEnvelope envelope(EventType lane, FeedbackReceived answer) {
        EventEnvelope event = TestEvents.of(lane, answer.readerKey(), answer);
        return new EventEnvelope(
                event.id(),
                "/feedback-service",
                event.type(),
                answer.targetSlug(),
                event.time(),
                event.key(),
                event.topic(),
                event.data());
    }

    /** What the intake's bulk insert leaves: the new vote at version 0, with no outbox and its event not sent. */
    private void storedAsTheIntakeStoresIt(FeedbackReceived answer) {
        Document stored = new Document();
        mongoTemplate.getConverter().write(Feedback.first(answer), stored);
        stored.put("version", 0L);
        mongoTemplate.insert(stored, "feedback");
    }

    /** Returns once the counting consumer has committed past everything on the feedback topic now. */
    private void awaitCountedThroughTheEnd() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            ConsumerGroupProgress.awaitCommittedThroughTheEnd(admin, COUNTING, Topics.FEEDBACK_EVENTS);
        }
    }

    private void awaitSummary(String article, int helpful, int notHelpful, int outdated) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertSummary(article, helpful, notHelpful, outdated));
    }

    private void assertSummary(String article, int helpful, int notHelpful, int outdated) {
        JsonNode summary =
                api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
        assertThat(summary.get("helpful").asInt()).as("helpful").isEqualTo(helpful);
        assertThat(summary.get("notHelpful").asInt()).as("not helpful").isEqualTo(notHelpful);
        assertThat(summary.get("byReason").path("OUTDATED").asInt())
                .as("outdated")
                .isEqualTo(outdated);
    }
}
