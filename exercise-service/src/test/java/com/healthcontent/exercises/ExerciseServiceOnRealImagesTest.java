package com.healthcontent.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.exercises.exercise.ExerciseApiTest;
import com.healthcontent.exercises.exercise.ExerciseView;
import com.healthcontent.testsupport.RealInfrastructureContainers;
import com.healthcontent.testsupport.RealInfrastructureTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service against the production images (mongo, apache/kafka), through what matters: an exercise taken through
 * medical review and published comes back as an event read from the real broker, and an article published on that
 * broker reaches the exercise's featuredIn read model. Skipped where there is no Docker engine.
 */
@RealInfrastructureTest
class ExerciseServiceOnRealImagesTest {

    @LocalServerPort
    int port;

    @Test
    void aReviewedExerciseIsPublishedThroughTheRealBrokerAndLearnsWhichArticlesFeatureIt() {
        String brokers = RealInfrastructureContainers.KAFKA.getBootstrapServers();
        RestTestClient client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        ExerciseApi api = new ExerciseApi(port);
        try (TopicProbe exerciseEvents = TopicProbe.open(brokers, Topics.EXERCISE_EVENTS);
                TopicProbe articleEvents = TopicProbe.open(brokers, Topics.ARTICLE_EVENTS)) {
            ExerciseView draft = client.post()
                    .uri("/api/v1/exercises")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + ExerciseApi.AUTHOR)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ExerciseApiTest.minimalExercise(
                            "Knees to chest " + UUID.randomUUID().toString().substring(0, 8)))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(ExerciseView.class)
                    .returnResult()
                    .getResponseBody();
            api.post(
                    "/api/v1/exercises/" + draft.id() + "/submission",
                    ExerciseApi.AUTHOR,
                    "{\"reviewers\": [\"dr.kim\"]}",
                    200);
            api.post(
                    "/api/v1/exercises/" + draft.id() + "/reviews",
                    ExerciseApi.DR_KIM,
                    "{\"outcome\": \"APPROVED\"}",
                    200);
            ExerciseView published = client.post()
                    .uri("/api/v1/exercises/{id}/publication", draft.id())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + ExerciseApi.EDITOR)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(ExerciseView.class)
                    .returnResult()
                    .getResponseBody();

            EventEnvelope event = exerciseEvents.awaitEvent(e -> e.type().equals(EventType.EXERCISE_PUBLISHED.ceType())
                    && draft.id().equals(e.key()));
            assertThat(TestEvents.dataOf(event)).contains(published.slug());

            String articleId = UUID.randomUUID().toString();
            articleEvents.publish(TestEvents.of(
                    EventType.ARTICLE_PUBLISHED,
                    articleId,
                    new ArticlePublished(
                            articleId,
                            "stretches-for-a-stiff-back",
                            "Stretches for a stiff back",
                            "Summary",
                            List.of("back pain"),
                            "ana.author",
                            List.of("dr.rao"),
                            List.of(draft.id()),
                            Instant.now(),
                            1)));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> client.get()
                            .uri("/api/v1/exercises/{slug}", published.slug())
                            .exchange()
                            .expectBody()
                            .jsonPath("$.featuredIn[0].slug")
                            .isEqualTo("stretches-for-a-stiff-back"));
        }
    }
}
