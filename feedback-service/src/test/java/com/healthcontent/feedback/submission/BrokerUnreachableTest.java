package com.healthcontent.feedback.submission;

import static com.healthcontent.feedback.FeedbackApi.newReader;
import static com.healthcontent.feedback.FeedbackApi.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.Topics;
import com.healthcontent.feedback.FeedbackApi;
import com.healthcontent.feedback.FeedbackServiceApplication;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import com.healthcontent.testsupport.ObservedResponses;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A reader's answer is accepted only once Kafka has it: on an instance whose producer cannot reach the broker (its
 * consumers still read), the answer is a 503 with Retry-After, not a 202 for something that could be lost.
 */
@ServiceIntegrationTest
class BrokerUnreachableTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    Environment environment;

    @Autowired
    PublishedContents contents;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Test
    void noReaderIsToldAcceptedWhileTheBrokerCannotTakeTheirAnswer() {
        String article = FeedbackApi.publishedArticle(articleEvents, contents);
        try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(FeedbackServiceApplication.class)
                .initializers(ObservedResponses.recording())
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.kafka.bootstrap-servers=" + brokers,
                        "--spring.kafka.producer.bootstrap-servers=127.0.0.1:9",
                        "--spring.kafka.producer.properties.max.block.ms=1000",
                        "--platform.feedback.acknowledgement-timeout=2s",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri="
                                + environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                                + environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instance.getBean(PublishedContents.class)
                            .findLive(ContentType.ARTICLE, article)
                            .isPresent());
            new FeedbackApi(((WebServerApplicationContext) instance)
                            .getWebServer()
                            .getPort())
                    .client()
                    .post()
                    .uri("/api/v1/feedback")
                    .header("X-Forwarded-For", newReader())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(vote(article, true))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("send it again"));
        }
    }
}
