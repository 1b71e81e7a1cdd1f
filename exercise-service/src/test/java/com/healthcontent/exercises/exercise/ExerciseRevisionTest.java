package com.healthcontent.exercises.exercise;

import static com.healthcontent.exercises.ExerciseApi.AUTHOR;
import static com.healthcontent.exercises.ExerciseApi.DR_KIM;
import static com.healthcontent.exercises.ExerciseApi.DR_RAO;
import static com.healthcontent.exercises.ExerciseApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Exercises are reviewed like articles: a change to a live exercise is a revision that readers, and the articles
 * embedding the exercise (fed by exercise.events), get only once it is approved and published, listing only the
 * reviewers who approved it.
 */
@ServiceIntegrationTest
class ExerciseRevisionTest {

    @LocalServerPort
    int port;

    ExerciseApi api;

    @Watch(Topics.EXERCISE_EVENTS)
    TopicProbe exerciseEvents;

    @BeforeEach
    void setUp() {
        api = new ExerciseApi(port);
    }

    @Test
    void aRevisedDoseReachesReadersOnlyAfterApprovalAndPublication() {
        String name = "Knees to chest " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode published = api.published(exercise(name, 30, 4, 5));
        String id = published.get("id").asString();
        String slug = published.get("slug").asString();
        assertThat(reader(slug).get("reviewedBy").get(0).get("name").asString()).isEqualTo("Dr. Priya Rao");

        // The observation of the issue: a 10-minute hold, 100 repetitions, sent by the author on the live exercise.
        JsonNode revision = edit(id, exercise(name, 600, 100, 100));
        assertThat(revision.get("workflow").get("status").asString()).isEqualTo("DRAFT");
        assertThat(revision.get("dose").get("holdSeconds").asInt()).isEqualTo(600);
        JsonNode live = reader(slug);
        assertThat(live.get("dose").get("holdSeconds").asInt()).isEqualTo(30);
        assertThat(live.get("dose").get("repetitions").get("max").asInt()).isEqualTo(5);
        assertThat(live.get("status").asString()).isEqualTo("PUBLISHED");

        api.post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"eli.editor\"]}", 422);
        api.post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        EventEnvelope requested = exerciseEvents.awaitEvent(e -> e.key().equals(id)
                && e.type().equals(EventType.EXERCISE_REVIEW_REQUESTED.ceType())
                && TestEvents.dataOf(e).contains("\"reviewers\":[\"dr.rao\"]"));
        assertThat(requested.subject()).isEqualTo(slug);
        edit(id, exercise(name, 600, 100, 100), 409); // frozen while in review
        assertThat(queue(DR_RAO)).contains(id);

        api.post("/api/v1/exercises/" + id + "/withdrawal", AUTHOR, "{\"reason\": \"Wrong numbers\"}", 200);
        edit(id, exercise(name, 45, 3, 4));
        api.post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.call(
                HttpMethod.PUT, "/api/v1/exercises/" + id + "/reviewers", EDITOR, "{\"reviewers\": [\"dr.kim\"]}", 200);
        assertThat(queue(DR_RAO)).doesNotContain(id);
        assertThat(queue(DR_KIM)).contains(id);
        api.post("/api/v1/exercises/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 403);
        JsonNode approved =
                api.post("/api/v1/exercises/" + id + "/reviews", DR_KIM, "{\"outcome\": \"APPROVED\"}", 200);
        assertThat(approved.get("workflow").get("status").asString()).isEqualTo("APPROVED");
        assertThat(reader(slug).get("dose").get("holdSeconds").asInt()).isEqualTo(30);

        // Until publication no exercise.updated event went out: embedding articles kept the approved version.
        List<String> typesBefore = exerciseEvents.events().stream()
                .filter(e -> e.key().equals(id))
                .map(e -> e.type())
                .toList();
        assertThat(typesBefore).doesNotContain(EventType.EXERCISE_UPDATED.ceType());

        api.post("/api/v1/exercises/" + id + "/publication", EDITOR, null, 200);
        JsonNode republished = reader(slug);
        assertThat(republished.get("dose").get("holdSeconds").asInt()).isEqualTo(45);
        assertThat(republished.get("medicalReviewers").get(0).asString()).isEqualTo("dr.kim");
        assertThat(republished.get("medicalReviewers").size())
                .as("only who approved this version")
                .isEqualTo(1);
        EventEnvelope updated = exerciseEvents.awaitEvent(
                e -> e.key().equals(id) && e.type().equals(EventType.EXERCISE_UPDATED.ceType()));
        assertThat(TestEvents.dataOf(updated)).contains("\"medicalReviewers\":[\"dr.kim\"]");

        JsonNode history = api.call(HttpMethod.GET, "/api/v1/exercises/drafts/" + id, EDITOR, null, 200)
                .get("workflow")
                .get("history");
        assertThat(history.findValuesAsString("action"))
                .contains(
                        "revision started",
                        "withdrawn from review",
                        "reviewers changed to Dr. Min-jun Kim",
                        "republished as revision 2");
    }

    @Test
    void anExerciseNeverReviewedNeverReachesReaders() {
        String name = "Unreviewed " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = api.post("/api/v1/exercises", AUTHOR, exercise(name, 30, 1, 1), 201);
        api.post("/api/v1/exercises/" + draft.get("id").asString() + "/publication", EDITOR, null, 409);
        api.call(HttpMethod.GET, "/api/v1/exercises/" + draft.get("slug").asString(), null, null, 404);
    }

    private List<String> queue(String token) {
        return api.call(HttpMethod.GET, "/api/v1/exercises/review-queue", token, null, 200)
                .get("items")
                .findValuesAsString("id");
    }

    private JsonNode reader(String slug) {
        return api.call(HttpMethod.GET, "/api/v1/exercises/" + slug, null, null, 200);
    }

    private JsonNode edit(String id, String body) {
        return edit(id, body, 200);
    }

    private JsonNode edit(String id, String body, int status) {
        String etag = api.client()
                .get()
                .uri("/api/v1/exercises/drafts/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        String response = api.client()
                .put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .returnResult(String.class)
                .getResponseBody();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response);
    }

    private static String exercise(String name, int hold, int min, int max) {
        return """
                {"name": "%s", "summary": "Eases a stiff lower back.", "bodyRegions": ["LOWER_BACK"],
                 "position": "LYING_ON_BACK", "steps": ["Lie on your back.", "Bring both knees to your chest."],
                 "dose": {"holdSeconds": %d, "repetitions": {"min": %d, "max": %d}}}
                """.formatted(name, hold, min, max);
    }
}
