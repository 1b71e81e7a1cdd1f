package com.healthcontent.feedback;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.RealInfrastructureContainers;
import com.healthcontent.testsupport.RealInfrastructureTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The service against the production images (mongo, apache/kafka), through what matters: an article published on
 * the real broker reaches the service's read model, a reader's vote on it comes back as an event read from the real
 * broker, and the summary counts it. Skipped where there is no Docker engine.
 */
@RealInfrastructureTest
class FeedbackServiceOnRealImagesTest {

    @LocalServerPort
    int port;

    @Autowired
    PublishedContents contents;

    @Test
    void aPublishedArticleIsVotedOnAndTheVoteTravelsThroughTheRealBroker() {
        String brokers = RealInfrastructureContainers.KAFKA.getBootstrapServers();
        FeedbackApi api = new FeedbackApi(port);
        try (TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS);
                TopicProbe feedbackEvents = TopicProbe.open(brokers, Topics.FEEDBACK_EVENTS)) {
            String article = FeedbackApi.publishedArticle(articleEvents, contents);

            String id =
                    api.submit(newReader(), vote(article, false), 202).get("id").asString();

            EventEnvelope submitted =
                    feedbackEvents.awaitEvent(event -> event.type().equals(EventType.FEEDBACK_SUBMITTED.ceType())
                            && TestEvents.dataOf(event).contains(id));
            assertThat(submitted.key()).isEqualTo(article);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(api.call(
                                            HttpMethod.GET,
                                            "/api/v1/feedback/summary?type=ARTICLE&id=" + article,
                                            null,
                                            null,
                                            200)
                                    .get("notHelpful")
                                    .asInt())
                            .isEqualTo(1));
        }
        api.submit(newReader(), vote("not-published", true), 404);
    }
}
