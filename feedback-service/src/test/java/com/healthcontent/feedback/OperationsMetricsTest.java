package com.healthcontent.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What operators scrape: business metrics, the outbox, consumer lag; and the request id in every response. */
@ServiceIntegrationTest
class OperationsMetricsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    PublishedContents contents;

    @Test
    void prometheusShowsFeedbackByReasonOutboxAndConsumerLag() {
        FeedbackApi api = new FeedbackApi(port);
        try (TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS)) {
            String article = FeedbackApi.publishedArticle(articleEvents, contents);
            api.submit(FeedbackApi.newReader(), FeedbackApi.report(article, "OUTDATED", "Old"), 202);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build()
                    .get()
                    .uri("/actuator/prometheus")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody();
            assertThat(metrics)
                    .containsPattern(
                            "platform_feedback_received_total\\{[^}]*outcome=\"accepted\"[^}]*" + "reason=\"OUTDATED\"")
                    .contains(
                            "platform_outbox_backlog",
                            "platform_outbox_oldest_age_seconds",
                            "platform_events_consumed_total",
                            "platform_alerts_streams")
                    .contains("kafka_consumer_fetch_manager_records_lag_max");
        });
    }

    @Test
    void everyResponseCarriesTheRequestIdItWasGivenOrANewOne() {
        FeedbackApi api = new FeedbackApi(port);
        api.client()
                .get()
                .uri("/api/v1/feedback/summary?type=ARTICLE&id=none")
                .header("X-Request-Id", "trace-me-42")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "trace-me-42");
        api.client()
                .get()
                .uri("/api/v1/feedback/summary?type=ARTICLE&id=none")
                .exchange()
                .expectHeader()
                .exists("X-Request-Id");
    }
}
