package com.healthcontent.exercises.featured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.ArticleUnpublished;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.exercises.exercise.ExerciseApiTest;
import com.healthcontent.exercises.exercise.ExerciseView;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TestTokens;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** featuredIn is built from article.events only: consumed once however often delivered, poison dead-lettered. */
@ServiceIntegrationTest
class FeaturedInTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    RestTestClient client;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @Watch(Topics.ARTICLE_EVENTS + Topics.DEAD_LETTER_SUFFIX)
    TopicProbe deadLetters;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void anArticleFeaturingAnExerciseAppearsInItsFeaturedInUntilUnpublished() {
        ExerciseView exercise = publishedExercise();
        String articleId = UUID.randomUUID().toString();
        EventEnvelope published = TestEvents.of(
                EventType.ARTICLE_PUBLISHED,
                articleId,
                new ArticlePublished(
                        articleId,
                        "is-cracking-your-back-good-or-bad",
                        "Is cracking your back good or bad?",
                        "Summary",
                        List.of("back pain"),
                        "ana.author",
                        List.of("dr.rao"),
                        List.of(exercise.id()),
                        Instant.now(),
                        1));

        articleEvents.publish(published);
        articleEvents.publish(published); // delivered twice, e.g. after a relay crash

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> client.get()
                        .uri("/api/v1/exercises/{slug}", exercise.slug())
                        .exchange()
                        .expectBody()
                        .jsonPath("$.featuredIn[0].slug")
                        .isEqualTo("is-cracking-your-back-good-or-bad"));
        await().atMost(Duration.ofSeconds(15)).until(() -> duplicatesSkipped() >= 1);
        client.get()
                .uri(
                        "/api/v1/exercises?q={q}",
                        exercise.name().substring(exercise.name().length() - 8))
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].featuredIn[0].slug")
                .isEqualTo("is-cracking-your-back-good-or-bad");

        articleEvents.publish(TestEvents.of(
                EventType.ARTICLE_UNPUBLISHED,
                articleId,
                new ArticleUnpublished(articleId, "is-cracking-your-back-good-or-bad", "outdated", Instant.now())));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> client.get()
                        .uri("/api/v1/exercises/{slug}", exercise.slug())
                        .exchange()
                        .expectBody()
                        .jsonPath("$.featuredIn.length()")
                        .isEqualTo(0));
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        articleEvents.publishRaw(Topics.ARTICLE_EVENTS, key, "not an event".getBytes(StandardCharsets.UTF_8));

        var parked = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> deadLetters.records().stream()
                                .filter(r -> key.equals(r.key()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(parked.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
    }

    @Test
    void dataThatDoesNotBindIsDeadLetteredWithItsCloudEventHeaders() {
        String articleId = UUID.randomUUID().toString();
        EventEnvelope broken = new EventEnvelope(
                UUID.randomUUID().toString(),
                "/article-service",
                EventType.ARTICLE_PUBLISHED.ceType(),
                "broken",
                Instant.now(),
                articleId,
                Topics.ARTICLE_EVENTS,
                "{\"revision\": \"not a number\"".getBytes(StandardCharsets.UTF_8));
        articleEvents.publish(broken);

        var parked = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> deadLetters.records().stream()
                                .filter(r -> articleId.equals(r.key()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(new String(parked.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(broken.id());
    }

    private double duplicatesSkipped() {
        return meterRegistry.find("platform.events.consumed").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private ExerciseView publishedExercise() {
        String name = "Cat stretch " + UUID.randomUUID().toString().substring(0, 8);
        ExerciseView draft = client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("ana.author", "AUTHOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(ExerciseApiTest.minimalExercise(name))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ExerciseView.class)
                .returnResult()
                .getResponseBody();
        ExerciseApi api = new ExerciseApi(port);
        api.post(
                "/api/v1/exercises/" + draft.id() + "/submission",
                ExerciseApi.AUTHOR,
                "{\"reviewers\": [\"dr.kim\"]}",
                200);
        api.post(
                "/api/v1/exercises/" + draft.id() + "/reviews", ExerciseApi.DR_KIM, "{\"outcome\": \"APPROVED\"}", 200);
        return client.post()
                .uri("/api/v1/exercises/{id}/publication", draft.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ExerciseApi.EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ExerciseView.class)
                .returnResult()
                .getResponseBody();
    }
}
