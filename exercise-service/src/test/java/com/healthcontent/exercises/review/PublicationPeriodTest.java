package com.healthcontent.exercises.review;

import static com.healthcontent.exercises.ExerciseApi.AUTHOR;
import static com.healthcontent.exercises.ExerciseApi.DR_RAO;
import static com.healthcontent.exercises.ExerciseApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.healthcontent.exercises.ExerciseApi;
import com.healthcontent.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * An exercise or routine published for a period is taken down by the platform when it ends, as an editor would by
 * hand and with the editor's reason: an exercise is retired (still readable where articles link it, with the notice),
 * a routine unpublished.
 */
@ServiceIntegrationTest
class PublicationPeriodTest {

    @LocalServerPort
    int port;

    ExerciseApi api;

    @BeforeEach
    void setUp() {
        api = new ExerciseApi(port);
    }

    private static String period(Instant until) {
        return "{\"until\": \"%s\", \"reason\": \"The spring programme is over.\"}".formatted(until);
    }

    private static String exercise(String name) {
        return """
                {"name": "%s", "summary": "Eases a stiff lower back.", "bodyRegions": ["LOWER_BACK"],
                 "position": "LYING_ON_BACK", "steps": ["Lie on your back.", "Bring both knees to your chest."],
                 "dose": {"holdSeconds": 20, "repetitions": {"min": 1, "max": 2}}}""".formatted(name);
    }

    @Test
    void anExercisePublishedForAPeriodIsRetiredWhenItEnds() {
        String id = api.approved(
                        exercise("Seasonal " + UUID.randomUUID().toString().substring(0, 8)))
                .get("id")
                .asString();
        String publication = "/api/v1/exercises/" + id + "/publication";
        api.post(publication, EDITOR, "{\"at\": \"" + Instant.now().plusSeconds(60) + "\"}", 400);
        api.post(publication, EDITOR, "{\"until\": \"" + Instant.now().plusSeconds(60) + "\"}", 400);
        JsonNode published = api.post(publication, EDITOR, period(Instant.now().plusSeconds(3)), 200);
        assertThat(published.get("workflow").get("publishedUntil").get("reason").asString())
                .isEqualTo("The spring programme is over.");
        String page = "/api/v1/exercises/" + published.get("slug").asString();
        assertThat(api.call(HttpMethod.GET, page, null, null, 200).get("status").asString())
                .isEqualTo("PUBLISHED");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.call(HttpMethod.GET, page, null, null, 200)
                                .get("status")
                                .asString())
                        .isEqualTo("RETIRED"));
        assertThat(api.call(HttpMethod.GET, page, null, null, 200).get("notice").asString())
                .contains("retired");
        JsonNode history = api.call(HttpMethod.GET, "/api/v1/exercises/drafts/" + id, EDITOR, null, 200)
                .get("workflow")
                .get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(last.get("notes").asString()).isEqualTo("The spring programme is over.");
    }

    @Test
    void aRoutinePublishedForAPeriodIsUnpublishedWhenItEnds() {
        String exerciseId = api.published(exercise("For a seasonal routine " + UUID.randomUUID()))
                .get("id")
                .asString();
        String routine = """
                {"name": "Spring routine %s", "goal": "Loosen up", "items": [{"exerciseId": "%s"}]}""".formatted(UUID.randomUUID().toString().substring(0, 8), exerciseId);
        String id = api.post("/api/v1/routines", AUTHOR, routine, 201).get("id").asString();
        api.post("/api/v1/routines/" + id + "/submission", AUTHOR, "{\"reviewers\": [\"dr.rao\"]}", 200);
        api.post("/api/v1/routines/" + id + "/reviews", DR_RAO, "{\"outcome\": \"APPROVED\"}", 200);
        JsonNode published = api.post(
                "/api/v1/routines/" + id + "/publication",
                EDITOR,
                period(Instant.now().plusSeconds(3)),
                200);
        String page = "/api/v1/routines/" + published.get("slug").asString();
        api.call(HttpMethod.GET, page, null, null, 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.call(HttpMethod.GET, page, null, null, 404));
        JsonNode draft = api.call(HttpMethod.GET, "/api/v1/routines/drafts/" + id, EDITOR, null, 200);
        assertThat(draft.get("status").asString()).isEqualTo("UNPUBLISHED");
        JsonNode history = draft.get("workflow").get("history");
        assertThat(history.get(history.size() - 1).get("notes").asString()).isEqualTo("The spring programme is over.");
    }
}
