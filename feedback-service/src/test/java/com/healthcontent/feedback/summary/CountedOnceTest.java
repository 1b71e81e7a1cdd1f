package com.healthcontent.feedback.summary;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.FeedbackChanged;
import com.healthcontent.events.FeedbackSubmitted;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.ConsumerGroupProgress;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.messaging.consumer.EventPosition;
import com.healthcontent.messaging.consumer.IntegrationEventListeners;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * An instance killed after counting a batch but before recording it as handled gets the batch again. That is
 * replayed here as it happens: the consumer group's record of handled events gone and its offsets back at the
 * start of the feedback topic. The counts must not move.
 */
@ServiceIntegrationTest
class CountedOnceTest {

    static final String GROUP = "feedback-service";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    PublishedContents contents;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    IntegrationEventListeners listeners;

    @Autowired
    FeedbackSummaries summaries;

    FeedbackApi api;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @BeforeEach
    void setUp() {
        api = new FeedbackApi(port);
    }

    @Test
    void votesDeliveredAgainAfterACrashAreNotCountedTwice() throws Exception {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        for (int i = 0; i < 3; i++) {
            api.submit(newReader(), vote(article, true), 202);
        }
        String changingReader = newReader();
        api.submit(changingReader, vote(article, false), 202);
        api.submit(changingReader, report(article, "OUTDATED", "The advice changed in 2024"), 202);
        awaitSummary(article, 3, 1, 1);

        deliverTheFeedbackTopicAgain();
        awaitSummary(article, 3, 1, 1);

        api.submit(newReader(), vote(article, true), 202);
        awaitSummary(article, 4, 1, 1);
    }

    @Test
    void votesDeliveredAgainAfterACrashAreCountedOncePerRevision() throws Exception {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        api.submit(newReader(), vote(article, true), 202);
        api.submit(newReader(), report(article, "OUTDATED", "The advice changed in 2024"), 202);
        FeedbackApi.revise(articleEvents, contents, article, 2);
        api.submit(newReader(), vote(article, true), 202);
        api.submit(newReader(), vote(article, true), 202);
        awaitSummary(article, 3, 1, 1);
        awaitRevisions(article, "[2: 2/0, 1: 1/1]");

        deliverTheFeedbackTopicAgain();
        awaitSummary(article, 3, 1, 1);
        awaitRevisions(article, "[2: 2/0, 1: 1/1]");

        api.submit(newReader(), vote(article, false), 202);
        awaitRevisions(article, "[2: 2/1, 1: 1/1]");
        awaitSummary(article, 3, 2, 1);
    }

    /**
     * What an instance killed after counting but before recording its batches as handled leaves behind: the group's
     * record of handled events gone and its offsets back at the start of the feedback topic. Returns once the
     * counting consumer has caught up with the end of the topic again.
     */
    private void deliverTheFeedbackTopicAgain() throws Exception {
        ConcurrentMessageListenerContainer<Object, Object> counting = listeners.containers().stream()
                .filter(container ->
                        GROUP.equals(container.getContainerProperties().getGroupId()))
                .findFirst()
                .orElseThrow();
        counting.stop();
        mongoTemplate.remove(Query.query(Criteria.where("_id").regex("^" + GROUP + ":")), "processed_events");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetAndMetadata> fromTheStart = committed.keySet().stream()
                    .filter(partition -> partition.topic().equals(Topics.FEEDBACK_EVENTS))
                    .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0)));
            assertThat(fromTheStart).isNotEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .untilAsserted(() -> admin.alterConsumerGroupOffsets(GROUP, fromTheStart)
                            .all()
                            .get());

            counting.start();
            ConsumerGroupProgress.awaitCommittedThroughTheEnd(admin, GROUP, Topics.FEEDBACK_EVENTS);
        }
        assertThat(mongoTemplate.count(Query.query(Criteria.where("_id").regex("^" + GROUP + ":")), "processed_events"))
                .as("the replayed events were handled again")
                .isPositive();
    }

    @Test
    void aPollDeliveredAgainCutDifferentlyCountsOnlyTheEventsNotCountedBefore() {
        String item = UUID.randomUUID().toString();
        // the first delivery counted the events at offsets 10 and 11, then the instance died before recording them
        summaries.count(submitted(item, true), new EventPosition(Topics.FEEDBACK_EVENTS, 2, 10));
        summaries.count(submitted(item, false), new EventPosition(Topics.FEEDBACK_EVENTS, 2, 11));
        summaries.write();
        // delivered again in a longer poll: 10 and 11 once more, then 12 and 13 for the first time
        summaries.count(submitted(item, true), new EventPosition(Topics.FEEDBACK_EVENTS, 2, 10));
        summaries.count(submitted(item, false), new EventPosition(Topics.FEEDBACK_EVENTS, 2, 11));
        summaries.count(submitted(item, true), new EventPosition(Topics.FEEDBACK_EVENTS, 2, 12));
        summaries.count(submitted(item, true), new EventPosition(Topics.FEEDBACK_EVENTS, 2, 13));
        summaries.write();

        FeedbackSummary summary = summaries.of(ContentType.ARTICLE, item, 1);
        assertThat(summary.helpful()).isEqualTo(3);
        assertThat(summary.notHelpful()).isEqualTo(1);
    }

    @Test
    void aPollDeliveredAgainCutDifferentlyCountsOncePerRevision() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        String before =
                api.submit(newReader(), vote(article, true), 202).get("id").asString();
        FeedbackApi.revise(articleEvents, contents, article, 2);
        String after =
                api.submit(newReader(), vote(article, false), 202).get("id").asString();
        String alsoAfter =
                api.submit(newReader(), vote(article, true), 202).get("id").asString();
        awaitRevisions(article, "[2: 1/1, 1: 1/0]"); // stored, with the revision each was cast on
        // the votes counted again as another item's, to cut the polls here
        String item = UUID.randomUUID().toString();
        summaries.count(submitted(item, before, true), new EventPosition(Topics.FEEDBACK_EVENTS, 1, 20));
        summaries.count(submitted(item, after, false), new EventPosition(Topics.FEEDBACK_EVENTS, 1, 21));
        summaries.write();
        summaries.count(submitted(item, before, true), new EventPosition(Topics.FEEDBACK_EVENTS, 1, 20));
        summaries.count(submitted(item, after, false), new EventPosition(Topics.FEEDBACK_EVENTS, 1, 21));
        summaries.count(submitted(item, alsoAfter, true), new EventPosition(Topics.FEEDBACK_EVENTS, 1, 22));
        summaries.recount(changedToHelpful(item, after), new EventPosition(Topics.FEEDBACK_EVENTS, 1, 23));
        summaries.write();

        FeedbackSummary summary = summaries.of(ContentType.ARTICLE, item, 2);
        assertThat(summary.helpful()).isEqualTo(3);
        assertThat(summary.notHelpful()).isZero();
        assertThat(summary.revision()).isEqualTo(2);
        assertThat(summary.current()).isEqualTo(new FeedbackSummaries.Counts(2, 0, Map.of()));
        assertThat(summary.revisions())
                .containsExactly(
                        new FeedbackSummary.RevisionCounts(2, 2, 0, Map.of()),
                        new FeedbackSummary.RevisionCounts(1, 1, 0, Map.of()));
    }

    private static FeedbackSubmitted submitted(String item, boolean helpful) {
        return submitted(item, UUID.randomUUID().toString(), helpful);
    }

    /** Without the revision, as events published before they carried it: the summary looks it up. */
    private static FeedbackSubmitted submitted(String item, String feedbackId, boolean helpful) {
        return new FeedbackSubmitted(feedbackId, "ARTICLE", item, "slug", helpful, null, false, Instant.now(), null);
    }

    private static FeedbackChanged changedToHelpful(String item, String feedbackId) {
        return new FeedbackChanged(
                feedbackId,
                "ARTICLE",
                item,
                "slug",
                true,
                null,
                false,
                Instant.now(),
                false,
                null,
                Instant.now(),
                null);
    }

    /** The summary's revisions, newest first, as "revision: helpful/notHelpful". */
    private void awaitRevisions(String article, String expected) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode summary =
                    api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
            assertThat(summary.get("revisions")
                            .valueStream()
                            .map(revision -> revision.get("revision").asLong() + ": "
                                    + revision.get("helpful").asLong() + "/"
                                    + revision.get("notHelpful").asLong())
                            .toList()
                            .toString())
                    .isEqualTo(expected);
        });
    }

    private void awaitSummary(String article, int helpful, int notHelpful, int outdated) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode summary =
                    api.call(HttpMethod.GET, "/api/v1/feedback/summary?type=ARTICLE&id=" + article, null, null, 200);
            assertThat(summary.get("helpful").asInt()).isEqualTo(helpful);
            assertThat(summary.get("notHelpful").asInt()).isEqualTo(notHelpful);
            assertThat(summary.get("byReason").path("OUTDATED").asInt()).isEqualTo(outdated);
        });
    }
}
