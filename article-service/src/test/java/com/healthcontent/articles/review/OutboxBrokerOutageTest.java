package com.healthcontent.articles.review;

import static com.healthcontent.articles.ArticleApi.article;
import static com.healthcontent.articles.ArticleApi.uniqueTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.messaging.outbox.OutboxRelay;
import com.healthcontent.testsupport.BrokerLink;
import com.healthcontent.testsupport.TestInfrastructureCustomizerFactory;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka is unreachable while an article is published: the request succeeds, the event waits in the article's
 * outbox, and once the broker is reachable again the event arrives, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 3,
        topics = {Topics.ARTICLE_EVENTS, Topics.EXERCISE_EVENTS})
@ContextCustomizerFactories(TestInfrastructureCustomizerFactory.class)
class OutboxBrokerOutageTest {

    static final BrokerLink link =
            new BrokerLink(() -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));

    @DynamicPropertySource
    static void kafkaThroughTheLink(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", link::address);
    }

    @AfterAll
    static void closeLink() throws Exception {
        link.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboxRelay relay;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anEventPublishedWhileTheBrokerIsUnreachableArrivesOnceItIsBack() throws Exception {
        String articleId = new ArticleApi(port).published(article(uniqueTitle("Outage"), "[]", "Back pain"));

        // The relay keeps trying; the events (review requested, review decided, published) stay stored meanwhile.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> relay.backlog() == 3);

        link.restore();
        try (TopicProbe articleEvents = TopicProbe.fromBeginning(broker.getBrokersAsString(), Topics.ARTICLE_EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> articleEvents.events().stream()
                            .anyMatch(e -> e.key().equals(articleId)));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> articleEvents.events().stream()
                                    .filter(e -> e.key().equals(articleId))
                                    .count()
                            >= 3);
            // A send the broker took while the link was cut can be sent again (at least once, as documented): a copy
            // carries the same ce_id, which consumers deduplicate on. What matters: all three, in their order.
            Map<String, String> byId = new LinkedHashMap<>();
            articleEvents.events().stream()
                    .filter(e -> e.key().equals(articleId))
                    .forEach(e -> byId.putIfAbsent(e.id(), e.type()));
            assertThat(byId.values())
                    .as("every event, in the order they happened")
                    .containsExactly(
                            EventType.ARTICLE_REVIEW_REQUESTED.ceType(),
                            EventType.ARTICLE_REVIEW_DECIDED.ceType(),
                            EventType.ARTICLE_PUBLISHED.ceType());
        }
    }
}
