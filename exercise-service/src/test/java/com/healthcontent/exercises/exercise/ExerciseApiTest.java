package com.healthcontent.exercises.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import com.healthcontent.events.Topics;
import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import com.healthcontent.testsupport.TestEvents;
import com.healthcontent.testsupport.TestTokens;
import com.healthcontent.testsupport.TopicProbe;
import com.healthcontent.testsupport.Watch;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceIntegrationTest
public class ExerciseApiTest {

    static final String AUTHOR = TestTokens.forUser("ana.author", "AUTHOR");
    static final String EDITOR = TestTokens.forUser("eli.editor", "EDITOR");

    @LocalServerPort
    int port;

    RestTestClient client;

    @Watch(Topics.EXERCISE_EVENTS)
    TopicProbe exerciseEvents;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    public static String minimalExercise(String name) {
        return """
                {"name": "%s", "summary": "Eases a stiff lower back.", "bodyRegions": ["LOWER_BACK"],
                 "position": "LYING_ON_BACK", "equipment": ["yoga mat"],
                 "steps": ["Lie on your back.", "Bring both knees to your chest."],
                 "dose": {"holdSeconds": 30, "repetitions": {"min": 4, "max": 5},
                          "frequency": {"min": 1, "max": 2, "per": "DAY"}}}
                """.formatted(name);
    }

    @Test
    void anAuthorDraftsAnEditorPublishesAndReadersThenFindItWithItsEvent() {
        String name = "Knees to chest " + UUID.randomUUID().toString().substring(0, 8);
        String id = client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise(name))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ExerciseView.class)
                .returnResult()
                .getResponseBody()
                .id();

        client.get()
                .uri("/api/v1/exercises?q=" + name.substring(name.length() - 8))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);

        ExerciseApi api = new ExerciseApi(port);
        api.post("/api/v1/exercises/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/exercises/" + id + "/reviews", ExerciseApi.DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        client.post()
                .uri("/api/v1/exercises/{id}/publication", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.post()
                .uri("/api/v1/exercises/{id}/publication", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PUBLISHED");

        EventEnvelope event = exerciseEvents.awaitEvent(
                e -> e.key().equals(id) && e.type().equals(EventType.EXERCISE_PUBLISHED.ceType()));
        assertThat(event.source()).isEqualTo("/exercise-service");
        assertThat(TestEvents.dataOf(event))
                .contains("\"exerciseId\":\"" + id + "\"")
                .contains("\"position\":\"LYING_ON_BACK\"");

        client.get()
                .uri("/api/v1/exercises?q=" + name.substring(name.length() - 8))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].dose.holdSeconds")
                .isEqualTo(30)
                .jsonPath("$.items[0].fhirTiming.repeat.frequencyMax")
                .isEqualTo(2)
                .jsonPath("$.page.size")
                .isEqualTo(20);
        String slug = name.toLowerCase().replace(' ', '-');

        String etag = client.get()
                .uri("/api/v1/exercises/{slug}", slug)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, public")
                .expectBody()
                .jsonPath("$.steps[1]")
                .isEqualTo("Bring both knees to your chest.")
                .returnResult()
                .getResponseHeaders()
                .getETag();
        assertThat(etag).isNotBlank();

        client.get()
                .uri("/api/v1/exercises/{slug}", slug)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag);
    }

    @Test
    void aDoseOutOfBoundsIsRefusedNamingTheField() {
        String body = minimalExercise("Bad dose").replace("\"min\": 4, \"max\": 5", "\"min\": 6, \"max\": 5");
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("dose.repetitions.max");

        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise("Long hold").replace("\"holdSeconds\": 30", "\"holdSeconds\": 601"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("dose.holdSeconds");
    }

    @Test
    void missingFieldsAreListed() {
        client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise("  ")
                        .replace("\"steps\": [\"Lie on your back.\", \"Bring both knees to your chest.\"],", ""))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'steps')]")
                .exists();
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String name = "Kneeling stretch " + UUID.randomUUID().toString().substring(0, 8);
        var created = client.post()
                .uri("/api/v1/exercises")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise(name))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ExerciseView.class)
                .returnResult();
        String id = created.getResponseBody().id();
        String etag = created.getResponseHeaders().getETag();

        client.put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise(name))
                .exchange()
                .expectStatus()
                .isEqualTo(428);

        client.put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise(name + " revised"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(name + " revised");

        client.put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTHOR)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise(name + " again"))
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.put()
                .uri("/api/v1/exercises/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser("someone.else", "AUTHOR"))
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(minimalExercise(name))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
