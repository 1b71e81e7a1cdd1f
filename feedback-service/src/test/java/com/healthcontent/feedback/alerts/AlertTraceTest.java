package com.healthcontent.feedback.alerts;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A problem report is one trace: the W3C trace id the gateway sends with the request is carried by the
 * feedback-submitted event, through the alert pipeline, to the reviewer-alerted event the live streams push.
 */
@ServiceIntegrationTest
class AlertTraceTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    PublishedContents contents;

    @Test
    void theReportsTraceReachesTheAlert() {
        FeedbackApi api = new FeedbackApi(port);
        try (TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS);
                TopicProbe feedbackEvents = TopicProbe.open(brokers, Topics.FEEDBACK_EVENTS)) {
            String article = FeedbackApi.publishedArticle(articleEvents, contents);
            String body = api.client()
                    .post()
                    .uri("/api/v1/feedback")
                    .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                    .header("X-Forwarded-For", newReader())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(report(article, "INACCURATE", "Wrong"))
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .returnResult(String.class)
                    .getResponseBody();
            String reportId = body.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                ConsumerRecord<String, byte[]> submitted = find(feedbackEvents, EventType.FEEDBACK_SUBMITTED, reportId);
                ConsumerRecord<String, byte[]> alerted = find(feedbackEvents, EventType.REVIEWER_ALERTED, reportId);
                assertThat(traceIdOf(submitted)).isEqualTo(TRACE_ID);
                assertThat(traceIdOf(alerted)).isEqualTo(TRACE_ID);
            });
        }
    }

    private static ConsumerRecord<String, byte[]> find(TopicProbe probe, EventType type, String reportId) {
        return probe.records().stream()
                .filter(r -> header(r, "ce_type").equals(type.ceType()))
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(reportId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " for " + reportId + " not seen yet"));
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        return header(record, "traceparent").split("-")[1];
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
