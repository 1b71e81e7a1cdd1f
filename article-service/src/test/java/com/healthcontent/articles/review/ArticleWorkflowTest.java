package com.healthcontent.articles.review;

import static com.healthcontent.articles.ArticleApi.AUTHOR;
import static com.healthcontent.articles.ArticleApi.DR_KIM;
import static com.healthcontent.articles.ArticleApi.DR_RAO;
import static com.healthcontent.articles.ArticleApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.articles.ArticleApi;
import com.healthcontent.articles.exercises.ExerciseSummaries;
import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.ExercisePublished;
import com.healthcontent.events.ExerciseRetired;
import com.healthcontent.events.Topics;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The whole life of an article, through the public API, with the events other services see. */
@ServiceIntegrationTest
class ArticleWorkflowTest {

    @LocalServerPort
    int port;

    @Autowired
    ExerciseSummaries exerciseSummaries;

    ArticleApi api;
    RestTestClient client;

    @Watch(Topics.EXERCISE_EVENTS)
    TopicProbe exerciseEvents;

    @Watch(Topics.ARTICLE_EVENTS)
    TopicProbe articleEvents;

    @BeforeEach
    void setUp() {
        api = new ArticleApi(port);
        client = api.client();
    }

    @Test
    void draftReviewPublishReviseAndUnpublish() {
        String exerciseId = publishedExercise("knees-to-chest-" + shortId());
        String title = "Is cracking your back good or bad " + shortId();
        String slug = title.toLowerCase().replace(' ', '-');

        // An author drafts; a draft may cite a reference that does not exist yet.
        JsonNode draft = api.post("/api/v1/articles", AUTHOR, article(title, "[2]", exerciseId), 201);
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("slug").asString()).isEqualTo(slug);

        // Submission checks completeness: the dangling marker and the uncited reference are both named.
        JsonNode incomplete =
                api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 422);
        assertThat(incomplete.get("errors").toString())
                .contains("sections[0].body")
                .contains("references[0]");

        String etag = api.etagOf(id);
        client.put()
                .uri("/api/v1/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(article(title, "[1]", exerciseId))
                .exchange()
                .expectStatus()
                .isOk();

        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"ana.author\"]}", 422);
        JsonNode inReview =
                api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        assertThat(inReview.get("status").asString()).isEqualTo("IN_REVIEW");

        // Only the assigned reviewer reviews; content is frozen while in review.
        api.post("/api/v1/articles/" + id + "/reviews", DR_KIM, "{\"outcome\": \"APPROVED\"}", 403);
        client.put()
                .uri("/api/v1/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, api.etagOf(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(article(title, "[1]", exerciseId))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 409);

        api.post(
                "/api/v1/articles/" + id + "/reviews",
                DR_RAO,
                "{\"outcome\": \"CHANGES_REQUESTED\", \"notes\": \"Cite the 2011 review for the cavitation claim.\"}",
                200);
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        JsonNode approved = api.post(
                "/api/v1/articles/" + id + "/reviews",
                DR_RAO,
                "{\"outcome\": \"APPROVED\", \"notes\": \"Accurate.\", \"credentials\": \"M.D.\"}",
                200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");

        api.post("/api/v1/articles/" + id + "/publication", AUTHOR, null, 403);
        JsonNode published = api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("nextReviewDue").asString()).isNotBlank();
        assertThat(published.get("history").size()).isGreaterThanOrEqualTo(7);

        EventEnvelope publishedEvent = articleEvents.awaitEvent(
                e -> e.key().equals(id) && e.type().equals(EventType.ARTICLE_PUBLISHED.ceType()));
        assertThat(TestEvents.dataOf(publishedEvent))
                .contains(exerciseId)
                .contains("\"medicalReviewers\":[\"dr.rao\"]");

        // Readers see it, with its exercise card, its review and the disclaimer.
        client.get()
                .uri("/api/v1/articles/{slug}", slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo(title)
                .jsonPath("$.sections[1].exercise.id")
                .isEqualTo(exerciseId)
                .jsonPath("$.medicalReview.reviewers[0].reviewer")
                .isEqualTo("dr.rao")
                .jsonPath("$.medicalReview.reviewers[0].name")
                .isEqualTo("Dr. Priya Rao")
                .jsonPath("$.medicalReview.reviewers[0].credentials")
                .isEqualTo("M.D., FFARCSI, DA")
                .jsonPath("$.author.name")
                .isEqualTo("Ana Alvarez")
                .jsonPath("$.disclaimer")
                .value(d -> assertThat((String) d).contains("does not provide medical advice"));
        client.get()
                .uri("/api/v1/articles?q=cracking " + slug.substring(slug.length() - 8))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].slug")
                .isEqualTo(slug);

        // A revision: the live version stays up while the working copy goes through review again.
        client.put()
                .uri("/api/v1/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, api.etagOf(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body(article(title, "[1]", exerciseId).replace("\"summary\": \"", "\"summary\": \"Revised. "))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT");
        client.get()
                .uri("/api/v1/articles/{slug}", slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revision")
                .isEqualTo(1);
        api.post("/api/v1/articles/" + id + "/submission", EDITOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        api.post("/api/v1/articles/" + id + "/reviews", DR_KIM, "{\"outcome\": \"APPROVED\"}", 200);
        api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 200);
        client.get()
                .uri("/api/v1/articles/{slug}", slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revision")
                .isEqualTo(2)
                .jsonPath("$.summary")
                .value(s -> assertThat((String) s).startsWith("Revised."));
        articleEvents.awaitEvent(e -> e.key().equals(id) && e.type().equals(EventType.ARTICLE_REVISED.ceType()));

        // Unpublishing needs a reason, then the page is gone for readers.
        client.method(org.springframework.http.HttpMethod.DELETE)
                .uri("/api/v1/articles/{id}/publication", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.method(org.springframework.http.HttpMethod.DELETE)
                .uri("/api/v1/articles/{id}/publication", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\": \"Outdated advice\"}")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/api/v1/articles/{slug}", slug)
                .exchange()
                .expectStatus()
                .isNotFound();
        articleEvents.awaitEvent(e -> e.key().equals(id) && e.type().equals(EventType.ARTICLE_UNPUBLISHED.ceType()));
    }

    @Test
    void anExerciseBlockMustPointAtAPublishedExercise() {
        String exerciseId = publishedExercise("kneeling-stretch-" + shortId());
        String unknownId = UUID.randomUUID().toString();
        JsonNode draft =
                api.post("/api/v1/articles", AUTHOR, article("Kneeling stretches " + shortId(), "[1]", unknownId), 201);
        JsonNode refused = api.post(
                "/api/v1/articles/" + draft.get("id").asString() + "/submission",
                AUTHOR,
                "{\"reviewers\": [\"dr.rao\"]}",
                422);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("sections[1].exerciseId");

        // Retired after the article was approved: publication is refused, naming the block.
        JsonNode second = api.post(
                "/api/v1/articles", AUTHOR, article("Stretches for stiffness " + shortId(), "[1]", exerciseId), 201);
        String id = second.get("id").asString();
        api.post("/api/v1/articles/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/articles/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        exerciseEvents.publish(TestEvents.of(
                EventType.EXERCISE_RETIRED,
                exerciseId,
                new ExerciseRetired(exerciseId, "kneeling-stretch", Instant.now(), 2)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> exerciseSummaries.find(exerciseId).orElseThrow().retired());
        JsonNode notPublished = api.post("/api/v1/articles/" + id + "/publication", EDITOR, null, 422);
        assertThat(notPublished.get("errors").get(0).get("message").asString()).contains("retired");
    }

    @Test
    void aPublishedPageShowsTheExerciseCardAsItWasLastPublished() {
        String slug = "knee-rolls-" + shortId();
        String exerciseId = publishedExercise(slug);
        String title = "Knee rolls " + shortId();
        api.published(article(title, "[1]", exerciseId));
        String articleSlug = ArticleApi.slugOf(title);
        assertThat(api.call(HttpMethod.GET, "/api/v1/articles/" + articleSlug, null, null, 200)
                        .findValue("exercise")
                        .get("name")
                        .asString())
                .isEqualTo("Knees to chest");

        // The page was read (and is held ready); a new approved version of the exercise must replace its card.
        exerciseEvents.publish(TestEvents.of(
                EventType.EXERCISE_UPDATED,
                exerciseId,
                new ExercisePublished(
                        exerciseId,
                        slug,
                        "Knee rolls, lying",
                        "Rolls the knees side to side.",
                        List.of("LOWER_BACK"),
                        "LYING_ON_BACK",
                        "ana.author",
                        List.of("dr.rao"),
                        Instant.now(),
                        2)));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(api.call(HttpMethod.GET, "/api/v1/articles/" + articleSlug, null, null, 200)
                                        .findValue("exercise")
                                        .get("name")
                                        .asString())
                                .isEqualTo("Knee rolls, lying"));
    }

    private String publishedExercise(String slug) {
        return ArticleApi.publishedExercise(exerciseEvents, exerciseSummaries, slug);
    }

    private static String article(String title, String marker, String exerciseId) {
        return """
                {"title": "%s", "summary": "When back cracking helps and when to see a specialist.",
                 "tags": ["back pain"],
                 "sections": [{"type": "TEXT", "heading": "What the sound is", "body": "Gas bubbles in the joint fluid %s."},
                              {"type": "EXERCISE", "exerciseId": "%s"}],
                 "references": [{"number": 1, "title": "Real-time visualization of joint cavitation",
                                 "url": "https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0119470"}]}
                """.formatted(title, marker, exerciseId);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
