package com.healthcontent.feedback.submission;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.AnotherInstance;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ObservedResponses;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A reader's answer is accepted only once Kafka has it: on an instance whose producer cannot reach the broker (its
 * consumers still read), the answer is a 503 with Retry-After, not a 202 for something that could be lost.
 */
@ServiceIntegrationTest
class BrokerUnreachableTest {

    @Autowired
    Environment environment;

    @Autowired
    PublishedContents contents;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Test
    void noReaderIsToldAcceptedWhileTheBrokerCannotTakeTheirAnswer() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        try (ConfigurableApplicationContext instance = AnotherInstance.start(
                environment,
                List.of(ObservedResponses.recording()),
                "--spring.kafka.producer.bootstrap-servers=127.0.0.1:9",
                "--spring.kafka.producer.properties.max.block.ms=1000",
                "--platform.feedback.acknowledgement-timeout=2s")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instance.getBean(PublishedContents.class)
                            .findLive(ContentType.ARTICLE, article)
                            .isPresent());
            new FeedbackApi(AnotherInstance.port(instance))
                    .expectComeBackLater(newReader(), vote(article, true), "5", "send it again");
        }
    }
}
